namespace Fazhi.Web.Platform.Data;

public enum DatabaseProvider
{
    Sqlite,
    Postgres,
}

/// <summary>Section <c>Database</c>: which database the platform runs on.</summary>
public sealed class DatabaseOptions
{
    public const string Section = "Database";

    public DatabaseProvider Provider { get; set; } = DatabaseProvider.Sqlite;

    /// <summary>Folder for the SQLite file and uploaded files, relative to the content root unless absolute.</summary>
    public string DataDirectory { get; set; } = "data";
}
