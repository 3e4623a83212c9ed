namespace Fazhi.Web.Modules.Services.Domain;

/// <summary>A citizen's or business's account for online applications (一网通办), keyed by mobile phone.</summary>
public sealed class Citizen
{
    public Guid Id { get; set; }

    public string Phone { get; set; } = "";

    /// <summary>The phone's keyed blind index: written with the phone, compared in look-ups, never read back.</summary>
    public string PhoneLookup { get; set; } = "";

    public string PasswordHash { get; set; } = "";

    public DateTime RegisteredAt { get; set; }

    public int FailedLogins { get; set; }

    public DateTime? LockedUntil { get; set; }

    /// <summary>When the holder proved the phone with a code sent to it: only then does the one page show matters other work lines keep under that phone.</summary>
    public DateTime? PhoneVerifiedAt { get; set; }

    /// <summary>The keyed hash of the last code sent, its expiry and the wrong tries against it.</summary>
    public string? CodeHash { get; set; }

    public DateTime? CodeExpires { get; set; }

    public int CodeAttempts { get; set; }
}

/// <summary>One uploaded material of an online application, stored on disk by its content hash.</summary>
public sealed class UploadedFile
{
    public Guid Id { get; set; }

    public Guid ApplicationId { get; set; }

    public string MaterialKey { get; set; } = "";

    public string FileName { get; set; } = "";

    /// <summary>What the content is, found from its first bytes, never from the name or the browser's word.</summary>
    public string ContentType { get; set; } = "";

    public long Size { get; set; }

    public string Sha256 { get; set; } = "";

    public DateTime UploadedAt { get; set; }
}
