using Fazhi.Web.Platform.Data;

namespace Fazhi.Web.Platform.Organisation.Domain;

/// <summary>综合类 / 主题类: a general window takes any matter, a thematic one a group of matters.</summary>
public enum WindowKind
{
    General = 0,
    Thematic = 1,
}

/// <summary>A numbered counter of the citizen service centre (综合窗口).</summary>
public sealed class Window : IVersioned
{
    private Window() { }

    public Guid Id { get; private set; }

    public int Number { get; private set; }

    public string Name { get; private set; } = "";

    public WindowKind Kind { get; private set; }

    /// <summary>For a thematic window, its theme (e.g. 企业开办, 民房报建).</summary>
    public string? Theme { get; private set; }

    public bool IsActive { get; private set; } = true;

    public Guid RowVersion { get; set; }

    public static Window Create(int number, string name, WindowKind kind, string? theme) => new()
    {
        Id = Guid.CreateVersion7(),
        Number = number,
        Name = name.Trim(),
        Kind = kind,
        Theme = kind == WindowKind.Thematic ? theme?.Trim() : null,
        RowVersion = Guid.NewGuid(),
    };

    public void Update(int number, string name, WindowKind kind, string? theme, bool isActive)
    {
        Number = number;
        Name = name.Trim();
        Kind = kind;
        Theme = kind == WindowKind.Thematic ? theme?.Trim() : null;
        IsActive = isActive;
    }
}
