using Fazhi.Web.Platform.Localization;
using Microsoft.EntityFrameworkCore;

namespace Fazhi.Web.Platform.Web;

/// <summary>
/// What went wrong with a page's form, per field, in the user's language. Pages run their action
/// through <see cref="RunAsync"/> and show the result beside the inputs, which keep what was typed.
/// </summary>
public sealed class FormErrors(Text text)
{
    private readonly Dictionary<string, List<string>> _fields = new(StringComparer.OrdinalIgnoreCase);

    public string? Summary { get; private set; }

    public bool Any => Summary is not null || _fields.Count > 0;

    public IEnumerable<string> All => _fields.SelectMany(f => f.Value.Select(m => $"{text.Field(f.Key)}: {m}"));

    public string? For(string field) => _fields.TryGetValue(field, out var list) ? string.Join("; ", list) : null;

    public void Add(string field, string code, params object[] args)
    {
        if (!_fields.TryGetValue(field, out var list))
        {
            _fields[field] = list = [];
        }

        list.Add(text.Error(code, args));
        Summary ??= text["form.fix_errors"];
    }

    public void Clear()
    {
        _fields.Clear();
        Summary = null;
    }

    public async Task<bool> RunAsync(Func<Task> action)
    {
        Clear();
        try
        {
            await action();
            return true;
        }
        catch (ValidationFailedException v)
        {
            foreach (var e in v.Errors)
            {
                Add(e.Field, e.Code, e.Args);
            }
        }
        catch (DomainException d)
        {
            if (d.Field is not null)
            {
                Add(d.Field, d.Code, [.. d.Args]);
            }

            Summary = text.Error(d.Code, d.Args);
        }
        catch (DbUpdateConcurrencyException)
        {
            Summary = text.Error("concurrency_conflict");
        }

        return false;
    }
}
