namespace Fazhi.Web.Platform.Web;

/// <summary>What kind of failure a domain error is; decides the HTTP status in one place.</summary>
public enum ErrorKind
{
    Invalid,
    NotFound,
    Conflict,
    Forbidden,

    /// <summary>The body is not of a type the endpoint reads (415).</summary>
    UnsupportedMediaType,
}

/// <summary>
/// A broken business rule. <see cref="Code"/> is stable (clients may switch on it) and is also the
/// key of the localized message; <see cref="Field"/> names the input that is wrong, when there is one.
/// </summary>
public sealed class DomainException : Exception
{
    public DomainException(string code, string? field = null, ErrorKind kind = ErrorKind.Invalid, params object[] args)
        : base(code)
    {
        Code = code;
        Field = field;
        Kind = kind;
        Args = args;
    }

    public DomainException()
        : this("error") { }

    public DomainException(string message, Exception innerException)
        : base(message, innerException)
    {
        Code = message;
        Args = [];
    }

    public string Code { get; }

    public string? Field { get; }

    public ErrorKind Kind { get; }

    public IReadOnlyList<object> Args { get; }

    public static DomainException NotFound(string field = "id") => new("not_found", field, ErrorKind.NotFound);
}

/// <summary>Several field errors found at once, so the user can fix them all in one go.</summary>
public sealed class ValidationFailedException : Exception
{
    public ValidationFailedException(IReadOnlyList<FieldError> errors)
        : base("validation_failed")
    {
        Errors = errors;
    }

    public ValidationFailedException()
        : this([]) { }

    public ValidationFailedException(string message, Exception innerException)
        : base(message, innerException)
    {
        Errors = [];
    }

    public IReadOnlyList<FieldError> Errors { get; }
}

public sealed record FieldError(string Field, string Code, params object[] Args);

/// <summary>Collects field errors for one request, then throws them together.</summary>
public sealed class Validator
{
    private readonly List<FieldError> _errors = [];

    public Validator Required(string field, string? value, int maxLength = 200)
    {
        if (string.IsNullOrWhiteSpace(value))
        {
            _errors.Add(new FieldError(field, "required"));
        }
        else if (value.Length > maxLength)
        {
            _errors.Add(new FieldError(field, "too_long", maxLength));
        }

        return this;
    }

    public Validator MaxLength(string field, string? value, int maxLength)
    {
        if (value is not null && value.Length > maxLength)
        {
            _errors.Add(new FieldError(field, "too_long", maxLength));
        }

        return this;
    }

    public Validator Check(bool ok, string field, string code, params object[] args)
    {
        if (!ok)
        {
            _errors.Add(new FieldError(field, code, args));
        }

        return this;
    }

    public bool IsValid => _errors.Count == 0;

    public IReadOnlyList<FieldError> Errors => _errors;

    public void ThrowIfInvalid()
    {
        if (_errors.Count > 0)
        {
            throw new ValidationFailedException(_errors);
        }
    }
}
