using Fazhi.Web.Platform.Localization;

namespace Fazhi.Tests.Platform;

/// <summary>A note the system writes on a record is read in the reader's language; a typed note is shown as typed.</summary>
public sealed class StepNoteTests
{
    [Fact]
    public void A_written_note_reads_in_each_language_with_its_own_punctuation_amounts_days_and_lists()
    {
        var paid = StepNote.Of("enforcement.note.paid_late", NoteArg.Yuan(51_500m), NoteArg.Yuan(1_500m)).Value;
        Assert.Equal("51,500 元（含加处罚款 1,500 元）", StepNote.Render(paid, english: false));
        Assert.Equal("CNY 51,500 (including a late fine of CNY 1,500)", StepNote.Render(paid, english: true));

        var heard = StepNote.Of("enforcement.note.hearing_scheduled", NoteArg.Day(new DateOnly(2019, 10, 8)), "李主任").Value;
        Assert.Equal("2019年10月8日，主持人 李主任", StepNote.Render(heard, english: false));
        Assert.Equal("8 Oct 2019, presided over by 李主任", StepNote.Render(heard, english: true));

        var joint = StepNote.Of("mediation.note.joint", "东莞市第三人民法院", NoteArg.List(["林雪梅", "吴海涛"])).Value;
        Assert.Equal("东莞市第三人民法院; applied for jointly by 林雪梅, 吴海涛", StepNote.Render(joint, english: true));

        // A warning has no amount: nothing is said, not "0 元", and no space is left before the punctuation.
        var warned = StepNote.Of("enforcement.note.notice_hearing", NoteArg.Key("enforcement.penalty.Warning"), NoteArg.Yuan(0)).Value;
        Assert.Equal("警告；告知听证权利", StepNote.Render(warned, english: false));
        Assert.Equal("Warning; told of the right to a hearing", StepNote.Render(warned, english: true));
    }

    [Theory]
    [InlineData("当事人拒绝签收，已留置送达")]
    [InlineData("{\"k\":\"enforcement.note.transcript_signed\",\"a\":[]}")]
    [InlineData("{\"k\":\"enforcement.note.pair\",\"a\":[\"{0}\"]}")]
    [InlineData("{\"k\":")]
    public void A_typed_note_is_shown_as_typed_even_when_it_reads_like_a_written_one(string typed)
    {
        RecordNote note = typed;
        Assert.Equal(typed, StepNote.Render(note.Value, english: false));
        Assert.Equal(typed, StepNote.Render(note.Value, english: true));
    }

    [Fact]
    public void A_stored_note_that_cannot_be_read_is_shown_as_stored_rather_than_failing_the_page()
    {
        foreach (var stored in new[] { "{\"k\":\"no.such.key\",\"a\":[]}", "{\"k\":\"enforcement.note.pair\",\"a\":[\"一\"]}", "{\"k\":\"enforcement.note.pair\"" })
        {
            Assert.Equal(stored, StepNote.Render(stored, english: true));
        }
    }
}
