using System.Buffers;
using System.Buffers.Binary;
using System.Collections.Concurrent;
using System.Text;
using System.Text.Json;
using Fazhi.Web.Modules.Services.Domain;
using Fazhi.Web.Platform.Data;
using Microsoft.EntityFrameworkCore;

namespace Fazhi.Web.Modules.Services.Features;

/// <summary>One application as the public look-up reads it; the applicant's name is already masked.</summary>
internal sealed record ProgressSnapshot(
    string Number, Guid ItemVersionId, string ItemName, string Applicant, ApplicationStatus Status, DateTime ReceivedAt, DateOnly? DueDate,
    int? CurrentStage, int Visits, List<string> CorrectionItems, string? RefusalReason, List<(DateTime At, string Kind, string? Stage, Guid? DepartmentId, string? Note)> Events);

/// <summary>
/// The public progress answers kept ready in memory, by query token: the look-up after a text message goes
/// out to thousands of applicants reads no database. Each application is held in about a hundred bytes
/// (names, stages and departments are shared; the applicant's name is held masked, never in clear).
/// <para>
/// An entry is right or absent, never stale for this process: every save that changes an application
/// drops its entry once committed (<see cref="ProgressAnswersObserver"/>), and a look-up without an entry
/// reads the database. <see cref="ProgressAnswersLoader"/> loads every application at start and then, each
/// second, re-reads those changed lately (by any process sharing the database), so another process's
/// change shows within about a second.
/// </para>
/// </summary>
public sealed class ProgressAnswers(System.Text.Encodings.Web.JavaScriptEncoder? encoder = null)
{
    /// <summary>The encoder of the API's JSON options: the held answers escape exactly as the serializer does.</summary>
    internal System.Text.Encodings.Web.JavaScriptEncoder? Encoder => encoder;

    /// <summary>Query tokens are URL-safe base64 of 18 random bytes (24 characters); only those are kept.</summary>
    internal const int KeyBytes = 18;

    private const int Header = KeyBytes + 1;

    private readonly Lock _write = new();
    private volatile Store _store = new(1 << 10);
    private readonly Shared<string, (string Text, JsonEncodedText Json)> _strings = new(v => (v, JsonEncodedText.Encode(v, encoder)));
    private readonly Shared<Guid, Guid> _guids = new(v => v);
    private readonly ConcurrentDictionary<string, JsonEncodedText> _names = new(StringComparer.Ordinal);
    private readonly ArrayBufferWriter<byte> _buffer = new(512);

    // Every drop takes a new generation; a batch read from the database before a drop does not put back
    // what was dropped after the read began.
    private long _generation;
    private readonly ConcurrentDictionary<string, long> _dropped = new(StringComparer.Ordinal);

    /// <summary>Whether every application has been loaded once (until then, missing entries read the database).</summary>
    public bool Loaded { get; internal set; }

    /// <summary>Off (<c>Services:ProgressAnswers:Enabled</c> false): nothing is held, so nothing is dropped either.</summary>
    internal bool Disabled { get; set; }

    /// <summary>Applications held.</summary>
    public int Count => _store.Count;

    /// <summary>Bytes of answers held, and of answers replaced since the last compaction.</summary>
    public (long Live, long Replaced) Bytes => (_store.Used - _store.Replaced, _store.Replaced);

    /// <summary>How often the replaced answers were let go.</summary>
    internal int Compactions { get; private set; }

    internal long Generation => Interlocked.Read(ref _generation);

    /// <summary>The application behind <paramref name="token"/>, when its answer is held and current.</summary>
    internal ProgressSnapshot? Find(string token) => TryLocate(token, out var held) ? Decode(held.Chunk, held.Position) : null;

    /// <summary>Where the current answer for <paramref name="token"/> is held, if it is.</summary>
    internal bool TryLocate(string token, out HeldAnswer held)
    {
        held = default;
        Span<byte> key = stackalloc byte[KeyBytes];
        if (!TryKey(token, key))
        {
            return false;
        }

        var store = _store;
        var at = store.Find(key);
        if (at < 0)
        {
            return false;
        }

        var (chunk, position) = store.Locate(at);
        held = new HeldAnswer(chunk, position);
        return Volatile.Read(ref chunk[position + KeyBytes]) != 0;
    }

    /// <summary>The item version an answer refers to (its code and stages are the caller's to find).</summary>
    internal Guid VersionOf(HeldAnswer held)
    {
        var r = new Reader(held.Chunk, held.Position + Header);
        r.Utf8();
        return _guids.Items[r.Int()];
    }

    /// <summary>
    /// Writes the answer as the public API's JSON (<see cref="ProgressView"/>'s shape, byte for byte what the serializer
    /// writes for it): shared names are escaped once, when first held, not on every request.
    /// </summary>
    internal void WriteJson(HeldAnswer held, Utf8JsonWriter w, string itemCode, IReadOnlyList<ProcessStage> stages, IReadOnlyDictionary<Guid, string> departments)
    {
        var strings = _strings.Items;
        var guids = _guids.Items;
        var r = new Reader(held.Chunk, held.Position + Header);
        w.WriteStartObject();
        w.WriteString(Names.Number, r.Utf8());
        r.Int();
        w.WriteString(Names.ItemName, strings[r.Int()].Json);
        w.WriteString(Names.ItemCode, Name(itemCode));
        w.WriteString(Names.Applicant, strings[r.Int()].Json);
        var status = (ApplicationStatus)r.Byte();
        w.WriteString(Names.Status, StatusText(status));
        w.WriteString(Names.ReceivedAt, new DateTime(r.Long(), DateTimeKind.Utc));
        if (r.Int() is var due and > 0)
        {
            Span<byte> day = stackalloc byte[10];
            DateOnly.FromDayNumber(due - 1).TryFormat(day, out _, "yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture);
            w.WriteString(Names.DueDate, day);
        }
        else
        {
            w.WriteNull(Names.DueDate);
        }

        var stage = r.Int() - 1;
        if (status == ApplicationStatus.Accepted && stage >= 0 && stage < stages.Count)
        {
            w.WriteString(Names.CurrentStage, Name(stages[stage].Name));
            w.WriteString(Names.CurrentDepartment, Name(string.Join("、", stages[stage].DepartmentIds.Select(d => departments.GetValueOrDefault(d, "")))));
        }
        else
        {
            w.WriteNull(Names.CurrentStage);
            w.WriteNull(Names.CurrentDepartment);
        }

        w.WriteNumber(Names.Visits, r.Int());
        var refusal = r.OptionalUtf8(out var hasRefusal);
        w.WriteStartArray(Names.ApplicantMustDo);
        for (var i = r.Int(); i > 0; i--)
        {
            var item = r.Utf8();
            if (status is ApplicationStatus.AwaitingCorrection or ApplicationStatus.Suspended)
            {
                w.WriteStringValue(item);
            }
        }

        w.WriteEndArray();
        if (hasRefusal)
        {
            w.WriteString(Names.RefusalReason, refusal);
        }
        else
        {
            w.WriteNull(Names.RefusalReason);
        }

        w.WriteStartArray(Names.Timeline);
        for (var i = r.Int(); i > 0; i--)
        {
            w.WriteStartObject();
            w.WriteString(Names.At, new DateTime(r.Long(), DateTimeKind.Utc));
            w.WriteString(Names.Kind, strings[r.Int()].Json);
            if (r.Int() is var sn and > 0)
            {
                w.WriteString(Names.Stage, strings[sn - 1].Json);
            }
            else
            {
                w.WriteNull(Names.Stage);
            }

            if (r.Int() is var dn and > 0 && departments.TryGetValue(guids[dn - 1], out var department))
            {
                w.WriteString(Names.Department, Name(department));
            }
            else
            {
                w.WriteNull(Names.Department);
            }

            var note = r.OptionalUtf8(out var hasNote);
            if (hasNote)
            {
                w.WriteString(Names.Note, note);
            }
            else
            {
                w.WriteNull(Names.Note);
            }

            w.WriteEndObject();
        }

        w.WriteEndArray();
        w.WriteEndObject();
    }

    // Names that change rarely (department names, item codes): escaped once and kept (a bounded set).
    private JsonEncodedText Name(string value)
    {
        if (_names.TryGetValue(value, out var encoded))
        {
            return encoded;
        }

        if (_names.Count > 10_000)
        {
            _names.Clear();
        }

        return _names[value] = JsonEncodedText.Encode(value, encoder);
    }

    // By value: the statuses are numbered 0, 1, 2 and so on.
    private static readonly JsonEncodedText[] Statuses = [.. Enumerable.Range(0, Enum.GetValues<ApplicationStatus>().Length).Select(v => JsonEncodedText.Encode(((ApplicationStatus)v).ToString()))];

    private static JsonEncodedText StatusText(ApplicationStatus status) =>
        (uint)status < (uint)Statuses.Length ? Statuses[(int)status] : JsonEncodedText.Encode(status.ToString());

    private static class Names
    {
        public static readonly JsonEncodedText Number = JsonEncodedText.Encode("number");
        public static readonly JsonEncodedText ItemName = JsonEncodedText.Encode("itemName");
        public static readonly JsonEncodedText ItemCode = JsonEncodedText.Encode("itemCode");
        public static readonly JsonEncodedText Applicant = JsonEncodedText.Encode("applicant");
        public static readonly JsonEncodedText Status = JsonEncodedText.Encode("status");
        public static readonly JsonEncodedText ReceivedAt = JsonEncodedText.Encode("receivedAt");
        public static readonly JsonEncodedText DueDate = JsonEncodedText.Encode("dueDate");
        public static readonly JsonEncodedText CurrentStage = JsonEncodedText.Encode("currentStage");
        public static readonly JsonEncodedText CurrentDepartment = JsonEncodedText.Encode("currentDepartment");
        public static readonly JsonEncodedText Visits = JsonEncodedText.Encode("visits");
        public static readonly JsonEncodedText ApplicantMustDo = JsonEncodedText.Encode("applicantMustDo");
        public static readonly JsonEncodedText RefusalReason = JsonEncodedText.Encode("refusalReason");
        public static readonly JsonEncodedText Timeline = JsonEncodedText.Encode("timeline");
        public static readonly JsonEncodedText At = JsonEncodedText.Encode("at");
        public static readonly JsonEncodedText Kind = JsonEncodedText.Encode("kind");
        public static readonly JsonEncodedText Stage = JsonEncodedText.Encode("stage");
        public static readonly JsonEncodedText Department = JsonEncodedText.Encode("department");
        public static readonly JsonEncodedText Note = JsonEncodedText.Encode("note");
    }

    /// <summary>Drops the answers of these tokens (their applications changed); the next look-up reads the database.</summary>
    internal void Drop(IReadOnlyCollection<string> tokens)
    {
        if (Disabled)
        {
            return;
        }

        Span<byte> key = stackalloc byte[KeyBytes];
        lock (_write)
        {
            var generation = Interlocked.Increment(ref _generation);
            foreach (var token in tokens)
            {
                _dropped[token] = generation;
                if (TryKey(token, key) && _store.Find(key) is var at and >= 0)
                {
                    // Marked in place: a look-up already past the mark answers what was true a moment ago.
                    var (chunk, position) = _store.Locate(at);
                    Volatile.Write(ref chunk[position + KeyBytes], 0);
                }
            }
        }
    }

    /// <summary>
    /// Puts answers read from the database when the generation was <paramref name="readFrom"/>; an answer
    /// dropped since is left out (it is read again by the next pass).
    /// </summary>
    internal void Put(IEnumerable<(string Token, ProgressSnapshot Snapshot)> rows, long readFrom)
    {
        lock (_write)
        {
            foreach (var (token, snapshot) in rows)
            {
                if (_dropped.TryGetValue(token, out var dropped) && dropped > readFrom)
                {
                    continue;
                }

                var entry = Encode(token, snapshot);
                if (!entry.IsEmpty)
                {
                    _store = _store.Upsert(entry);
                }
            }

            // Replaced answers are left where they were; once they outweigh the live ones, the live ones are copied.
            if (_store.Replaced > Store.ChunkSize * 16L && _store.Replaced > _store.Used / 2)
            {
                _store = _store.Compacted();
                Compactions++;
            }

            // Drops older than this read no longer matter to any read still to come.
            foreach (var (token, generation) in _dropped)
            {
                if (generation <= readFrom)
                {
                    _dropped.TryRemove(new KeyValuePair<string, long>(token, generation));
                }
            }
        }
    }

    internal static bool TryKey(string token, Span<byte> key)
    {
        if (token.Length != 24)
        {
            return false;
        }

        Span<char> chars = stackalloc char[24];
        for (var i = 0; i < 24; i++)
        {
            var c = token[i];
            chars[i] = c switch
            {
                '-' => '+',
                '_' => '/',
                '+' or '/' => '!',
                _ => c,
            };
        }

        return Convert.TryFromBase64Chars(chars, key, out var written) && written == KeyBytes;
    }

    // Layout: the 18 key bytes, a byte that is 1 while current, then the fields (7-bit encoded integers,
    // shared names by index, free text as UTF-8 with its length).
    private ReadOnlySpan<byte> Encode(string token, ProgressSnapshot s)
    {
        var b = _buffer;
        b.ResetWrittenCount();
        if (!TryKey(token, b.GetSpan(KeyBytes)[..KeyBytes]))
        {
            return default;
        }

        b.Advance(KeyBytes);
        WriteByte(b, 1);
        WriteText(b, s.Number);
        WriteInt(b, _guids.IndexOf(s.ItemVersionId));
        WriteInt(b, _strings.IndexOf(s.ItemName));
        WriteInt(b, _strings.IndexOf(s.Applicant));
        WriteByte(b, (byte)s.Status);
        BinaryPrimitives.WriteInt64LittleEndian(b.GetSpan(8), s.ReceivedAt.Ticks);
        b.Advance(8);
        WriteInt(b, s.DueDate is { } due ? due.DayNumber + 1 : 0);
        WriteInt(b, s.CurrentStage is { } stage ? stage + 1 : 0);
        WriteInt(b, s.Visits);
        WriteOptionalText(b, s.RefusalReason);
        WriteInt(b, s.CorrectionItems.Count);
        foreach (var item in s.CorrectionItems)
        {
            WriteText(b, item);
        }

        WriteInt(b, s.Events.Count);
        foreach (var e in s.Events)
        {
            BinaryPrimitives.WriteInt64LittleEndian(b.GetSpan(8), e.At.Ticks);
            b.Advance(8);
            WriteInt(b, _strings.IndexOf(e.Kind));
            WriteInt(b, e.Stage is null ? 0 : _strings.IndexOf(e.Stage) + 1);
            WriteInt(b, e.DepartmentId is { } d ? _guids.IndexOf(d) + 1 : 0);
            WriteOptionalText(b, e.Note);
        }

        // An answer longer than a chunk (pages of notes) is not held; its look-up reads the database.
        return b.WrittenCount <= Store.ChunkSize ? b.WrittenSpan : default;
    }

    private ProgressSnapshot Decode(byte[] chunk, int position)
    {
        var strings = _strings.Items;
        var guids = _guids.Items;
        var r = new Reader(chunk, position + Header);
        var number = r.Text();
        var version = guids[r.Int()];
        var itemName = strings[r.Int()].Text;
        var applicant = strings[r.Int()].Text;
        var status = (ApplicationStatus)r.Byte();
        var received = new DateTime(r.Long(), DateTimeKind.Utc);
        var due = r.Int() is var d and > 0 ? DateOnly.FromDayNumber(d - 1) : (DateOnly?)null;
        var stage = r.Int() is var st and > 0 ? st - 1 : (int?)null;
        var visits = r.Int();
        var refusal = r.OptionalText();
        var corrections = new List<string>(r.Int());
        for (var i = corrections.Capacity; i > 0; i--)
        {
            corrections.Add(r.Text());
        }

        var events = new List<(DateTime, string, string?, Guid?, string?)>(r.Int());
        for (var i = events.Capacity; i > 0; i--)
        {
            var at = new DateTime(r.Long(), DateTimeKind.Utc);
            var kind = strings[r.Int()].Text;
            var stageName = r.Int() is var sn and > 0 ? strings[sn - 1].Text : null;
            var department = r.Int() is var dn and > 0 ? guids[dn - 1] : (Guid?)null;
            events.Add((at, kind, stageName, department, r.OptionalText()));
        }

        return new ProgressSnapshot(number, version, itemName, applicant, status, received, due, stage, visits, corrections, refusal, events);
    }

    private static void WriteByte(ArrayBufferWriter<byte> b, byte value)
    {
        b.GetSpan(1)[0] = value;
        b.Advance(1);
    }

    private static void WriteInt(ArrayBufferWriter<byte> b, int value)
    {
        var v = (uint)value;
        while (v >= 0x80)
        {
            WriteByte(b, (byte)(v | 0x80));
            v >>= 7;
        }

        WriteByte(b, (byte)v);
    }

    private static void WriteText(ArrayBufferWriter<byte> b, string value) => WriteUtf8(b, value, 0);

    // An optional text's length is written one more than it is, so that 0 can stand for none.
    private static void WriteOptionalText(ArrayBufferWriter<byte> b, string? value)
    {
        if (value is null)
        {
            WriteInt(b, 0);
        }
        else
        {
            WriteUtf8(b, value, 1);
        }
    }

    private static void WriteUtf8(ArrayBufferWriter<byte> b, string value, int lengthOffset)
    {
        var bytes = Encoding.UTF8.GetBytes(value);
        WriteInt(b, bytes.Length + lengthOffset);
        b.Write(bytes);
    }

    private ref struct Reader(byte[] data, int position)
    {
        private int _at = position;

        public ReadOnlySpan<byte> Utf8()
        {
            var n = Int();
            _at += n;
            return data.AsSpan(_at - n, n);
        }

        public ReadOnlySpan<byte> OptionalUtf8(out bool present)
        {
            var n = Int();
            present = n > 0;
            if (n == 0)
            {
                return default;
            }

            _at += n - 1;
            return data.AsSpan(_at - n + 1, n - 1);
        }

        public byte Byte() => data[_at++];

        public long Long()
        {
            var v = BinaryPrimitives.ReadInt64LittleEndian(data.AsSpan(_at, 8));
            _at += 8;
            return v;
        }

        public int Int()
        {
            uint v = 0;
            var shift = 0;
            byte b;
            do
            {
                b = data[_at++];
                v |= (uint)(b & 0x7F) << shift;
                shift += 7;
            }
            while (b >= 0x80);
            return (int)v;
        }

        public string Text() => Encoding.UTF8.GetString(Utf8());

        /// <summary>Walks past every field; returns the position after the answer.</summary>
        public int Skip()
        {
            Utf8();
            Int();
            Int();
            Int();
            _at += 1 + 8;
            Int();
            Int();
            Int();
            OptionalUtf8(out _);
            for (var i = Int(); i > 0; i--)
            {
                Utf8();
            }

            for (var i = Int(); i > 0; i--)
            {
                _at += 8;
                Int();
                Int();
                Int();
                OptionalUtf8(out _);
            }

            return _at;
        }

        public string? OptionalText()
        {
            var utf8 = OptionalUtf8(out var present);
            return present ? Encoding.UTF8.GetString(utf8) : null;
        }
    }

    /// <summary>
    /// The answers, back to back in chunks of a megabyte (no object per application, so the collector has
    /// nothing to trace), found by open addressing over the token bytes (random, so their first eight bytes
    /// are the hash). Readers take no lock: a slot is only ever filled or pointed at a newer copy, under the
    /// write lock, after its bytes are written; a store that must grow is replaced by a larger one.
    /// </summary>
    private sealed class Store
    {
        public const int ChunkBits = 20;
        public const int ChunkSize = 1 << ChunkBits;

        // Each slot holds the answer's position + 1 (0 is empty). The chunk directory never grows (64 GB of
        // answers), so a reader holding an older store still finds every chunk a slot can point at.
        private const int MaxChunks = 1 << 16;

        private readonly long[] _slots;
        private readonly byte[]?[] _chunks;
        private int _chunkCount;

        public Store(int capacity)
        {
            _slots = new long[capacity];
            _chunks = new byte[MaxChunks][];
        }

        private Store(long[] slots, byte[]?[] chunks, int chunkCount, long used, long replaced)
        {
            _slots = slots;
            _chunks = chunks;
            _chunkCount = chunkCount;
            Used = used;
            Replaced = replaced;
        }

        public int Count { get; private set; }

        public long Used { get; private set; }

        public long Replaced { get; private set; }

        public (byte[] Chunk, int Position) Locate(long at) => (Volatile.Read(ref _chunks[at >> ChunkBits])!, (int)(at & (ChunkSize - 1)));

        private int Slot(ReadOnlySpan<byte> key) => (int)(BinaryPrimitives.ReadUInt64LittleEndian(key) & (ulong)(_slots.Length - 1));

        /// <summary>The position of the answer for <paramref name="key"/>, or -1.</summary>
        public long Find(ReadOnlySpan<byte> key)
        {
            var mask = _slots.Length - 1;
            for (var i = Slot(key); ; i = (i + 1) & mask)
            {
                var slot = Volatile.Read(ref _slots[i]);
                if (slot == 0)
                {
                    return -1;
                }

                var (chunk, position) = Locate(slot - 1);
                if (chunk.AsSpan(position, KeyBytes).SequenceEqual(key))
                {
                    return slot - 1;
                }
            }
        }

        /// <summary>Writes the answer and points its slot at it; returns the store to use from now on (this one, or a larger copy).</summary>
        public Store Upsert(ReadOnlySpan<byte> entry)
        {
            var store = this;
            if ((Count + 1) * 10L > _slots.Length * 7L)
            {
                store = Grown(_slots.Length * 2);
            }
            else if (NeedsChunk(entry.Length) && _chunkCount == MaxChunks)
            {
                throw new InvalidOperationException("The progress answers fill 64 GB.");
            }

            store.Put(entry);
            return store;
        }

        private bool NeedsChunk(int length) => _chunkCount == 0 || Used >> ChunkBits >= _chunkCount || (Used & (ChunkSize - 1)) + length > ChunkSize;

        private void Put(ReadOnlySpan<byte> entry)
        {
            var key = entry[..KeyBytes];
            if (NeedsChunk(entry.Length))
            {
                // A new chunk; the tail of the last one stays unused.
                Used = (long)_chunkCount << ChunkBits;
                Volatile.Write(ref _chunks[_chunkCount], new byte[ChunkSize]);
                _chunkCount++;
            }

            var at = Used;
            var (chunk, position) = Locate(at);
            entry.CopyTo(chunk.AsSpan(position));
            Used += entry.Length;
            var mask = _slots.Length - 1;
            for (var i = Slot(key); ; i = (i + 1) & mask)
            {
                var slot = _slots[i];
                if (slot == 0)
                {
                    Count++;
                    Volatile.Write(ref _slots[i], at + 1);
                    return;
                }

                var (old, oldPosition) = Locate(slot - 1);
                if (old.AsSpan(oldPosition, KeyBytes).SequenceEqual(key))
                {
                    Replaced += Length(old, oldPosition);
                    Volatile.Write(ref _slots[i], at + 1);
                    return;
                }
            }
        }

        // A larger table over the same chunks: the old one stays whole for the readers still in it.
        private Store Grown(int capacity)
        {
            var grown = new Store(new long[capacity], _chunks, _chunkCount, Used, Replaced);
            foreach (var slot in _slots)
            {
                if (slot != 0)
                {
                    grown.Relink(slot - 1);
                }
            }

            return grown;
        }

        private void Relink(long at)
        {
            var (chunk, position) = Locate(at);
            var mask = _slots.Length - 1;
            var i = Slot(chunk.AsSpan(position, KeyBytes));
            while (_slots[i] != 0)
            {
                i = (i + 1) & mask;
            }

            _slots[i] = at + 1;
            Count++;
        }

        /// <summary>A store holding only the current answers (the dropped ones too: their mark travels with them).</summary>
        public Store Compacted()
        {
            var compact = new Store(_slots.Length);
            foreach (var slot in _slots)
            {
                if (slot != 0)
                {
                    var (chunk, position) = Locate(slot - 1);
                    compact = compact.Upsert(chunk.AsSpan(position, Length(chunk, position)));
                }
            }

            return compact;
        }

        /// <summary>The length of the answer at <paramref name="position"/>, read by walking its fields.</summary>
        private static int Length(byte[] chunk, int position) => new Reader(chunk, position + Header).Skip() - position;
    }
}

/// <summary>
/// Values many answers share (names, stages, departments), each held once and written as its index. Added to under
/// the answers' write lock; read without one (an index in an answer was added before the answer was).
/// </summary>
internal sealed class Shared<TKey, TItem>(Func<TKey, TItem> make)
    where TKey : notnull
{
    private readonly Dictionary<TKey, int> _index = [];
    private volatile TItem[] _items = new TItem[64];

    public TItem[] Items => _items;

    public int IndexOf(TKey key)
    {
        if (!_index.TryGetValue(key, out var i))
        {
            var items = _items;
            i = _index.Count;
            if (i == items.Length)
            {
                Array.Resize(ref items, items.Length * 2);
            }

            items[i] = make(key);
            _items = items;
            _index[key] = i;
        }

        return i;
    }
}

/// <summary>Where one held answer lies.</summary>
internal readonly record struct HeldAnswer(byte[] Chunk, int Position);

/// <summary>
/// Stamps every saved change of an application (or of its timeline) with <see cref="Application.ChangedAt"/>, and
/// drops its public answer once the change is committed.
/// </summary>
internal sealed class ProgressAnswersObserver(ProgressAnswers answers, TimeProvider time) : ISaveObserver
{
    public Action? Saving(FazhiDbContext db)
    {
        List<string>? tokens = null;
        var now = time.GetUtcNow().UtcDateTime;
        var applications = db.ChangeTracker.Entries<Application>().ToList();
        if (applications.Count == 0)
        {
            return null;
        }

        // Events are only ever added through their application (Application.AddEvent), so it is tracked.
        var withNewEvents = db.ChangeTracker.Entries<ApplicationEvent>().Where(e => e.State == EntityState.Added).Select(e => e.Entity.CaseId).ToHashSet();
        foreach (var entry in applications)
        {
            if (entry.State is EntityState.Added or EntityState.Modified || withNewEvents.Contains(entry.Entity.Id))
            {
                if (entry.State != EntityState.Added)
                {
                    entry.Property(a => a.ChangedAt).CurrentValue = now;
                }

                (tokens ??= []).Add(entry.Entity.QueryToken);
            }
        }

        return tokens is null ? null : () => answers.Drop(tokens);
    }
}

/// <summary>
/// Loads every application's public answer at start, then re-reads, each second, the applications changed
/// since a little before the last pass (the overlap covers writes committed late and clocks a little apart).
/// </summary>
internal sealed class ProgressAnswersLoader(
    ProgressAnswers answers, ReadConnections connections, TimeProvider time, IConfiguration configuration, ILogger<ProgressAnswersLoader> log) : BackgroundService
{
    private const string AllSql = ProgressService.SnapshotColumns + """
         ORDER BY a."Id", e."Sequence"
        """;

    // Ordered by the stamp first, so that the stamp's index finds the few changed rows (ordered by Id alone,
    // SQLite would walk the key index through every application, a second of work each second).
    private const string ChangedSql = ProgressService.SnapshotColumns + """
         WHERE a."ChangedAt" >= @since
         ORDER BY a."ChangedAt", a."Id", e."Sequence"
        """;

    private DateTime _since;

    // How far back each pass looks before the last one: a write's stamp is taken inside its save, a moment before it
    // commits, and the clocks of processes sharing a database may be a little apart.
    private TimeSpan Overlap => TimeSpan.FromSeconds(configuration.GetValue("Services:ProgressAnswers:OverlapSeconds", 5.0));

    public bool Enabled => configuration.GetValue("Services:ProgressAnswers:Enabled", true);

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        if (!Enabled)
        {
            answers.Disabled = true;
            return;
        }

        try
        {
            await LoadAllAsync(stoppingToken);
            using var timer = new PeriodicTimer(TimeSpan.FromSeconds(configuration.GetValue("Services:ProgressAnswers:PollSeconds", 1.0)), TimeProvider.System);
            while (await timer.WaitForNextTickAsync(stoppingToken))
            {
                try
                {
                    await PollAsync(stoppingToken);
                }
                catch (Exception e) when (e is not OperationCanceledException)
                {
                    // A missed pass leaves changed answers dropped (look-ups read the database) until the next one.
                    log.LogWarning(e, "Re-reading changed progress answers failed; trying again in a second.");
                }
            }
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
        }
    }

    /// <summary>Reads every application once.</summary>
    public async Task LoadAllAsync(CancellationToken ct)
    {
        var started = System.Diagnostics.Stopwatch.GetTimestamp();
        _since = time.GetUtcNow().UtcDateTime - Overlap;
        var read = await ReadAsync(AllSql, null, ct);
        answers.Loaded = true;
        log.LogInformation("Progress answers: {Count} applications loaded in {Seconds:N1} s.", read, System.Diagnostics.Stopwatch.GetElapsedTime(started).TotalSeconds);
    }

    /// <summary>Re-reads the applications changed since shortly before the last pass.</summary>
    public async Task<int> PollAsync(CancellationToken ct)
    {
        var since = _since;
        _since = time.GetUtcNow().UtcDateTime - Overlap;
        return await ReadAsync(ChangedSql, since, ct);
    }

    private async Task<int> ReadAsync(string sql, DateTime? since, CancellationToken ct)
    {
        var generation = answers.Generation;
        return await connections.QueryAsync(sql, since is { } s ? [("@since", s)] : [], async r =>
        {
            var batch = new List<(string, ProgressSnapshot)>(4096);
            var count = 0;
            await foreach (var row in ProgressService.ReadSnapshotsAsync(r, ct))
            {
                batch.Add(row);
                if (batch.Count == batch.Capacity)
                {
                    answers.Put(batch, generation);
                    count += batch.Count;
                    batch.Clear();
                }
            }

            answers.Put(batch, generation);
            return count + batch.Count;
        }, ct);
    }
}
