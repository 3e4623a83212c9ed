using System.Data.Common;
using Fazhi.Web.Platform.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Fazhi.Web.Platform.Files;

/// <summary>Where the platform keeps its stored files' bytes (<c>Files:Store</c>).</summary>
public enum FileBytesStore
{
    /// <summary>A folder of this machine, <c>data/files</c>: the default for one machine.</summary>
    Folder,

    /// <summary>The database, in chunks of 1 MB: every server process of the database reads what any other stored.</summary>
    Database,
}

/// <summary>
/// Where <see cref="FileStore"/> keeps the bytes of stored files, each under its SHA-256. The store hashes, sniffs and
/// checks a file while it streams it here; this only keeps and gives back bytes, never holding a file whole in memory.
/// </summary>
public interface IFileBytes
{
    /// <summary>A place to stream a new file into before its hash is known.</summary>
    Task<IFileBytesWriter> CreateAsync(CancellationToken ct);

    /// <summary>The bytes kept under <paramref name="sha256"/>, or null when there are none.</summary>
    Task<Stream?> OpenAsync(string sha256, CancellationToken ct);
}

/// <summary>A file being written: kept under its hash by <see cref="KeepAsync"/>, forgotten when disposed without it.</summary>
public interface IFileBytesWriter : IAsyncDisposable
{
    Task WriteAsync(ReadOnlyMemory<byte> bytes, CancellationToken ct);

    /// <summary>Keeps what was written under <paramref name="sha256"/>; when those bytes are kept already, nothing changes.</summary>
    Task KeepAsync(string sha256, CancellationToken ct);
}

/// <summary>The folder of this machine: a file is written beside the others and moved whole under its hash.</summary>
internal sealed class FolderFileBytes(DataDirectory data) : IFileBytes
{
    public Task<IFileBytesWriter> CreateAsync(CancellationToken ct)
    {
        var dir = Path.Combine(data.Path, "files");
        Directory.CreateDirectory(dir);
        return Task.FromResult<IFileBytesWriter>(new Writer(this, Path.Combine(dir, Guid.NewGuid().ToString("N") + ".tmp")));
    }

    public Task<Stream?> OpenAsync(string sha256, CancellationToken ct) =>
        Task.FromResult<Stream?>(Find(sha256) is { } path ? new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read, 81920, useAsync: true) : null);

    private string PathOf(string hash) => Path.Combine(data.Path, "files", hash[..2], hash);

    // Recordings kept by the first version of the enforcement module are read where they were stored.
    private string? Find(string hash) =>
        File.Exists(PathOf(hash)) ? PathOf(hash)
        : File.Exists(Path.Combine(data.Path, "enforcement", hash[..2], hash)) ? Path.Combine(data.Path, "enforcement", hash[..2], hash)
        : null;

    private sealed class Writer(FolderFileBytes store, string temp) : IFileBytesWriter
    {
        private readonly FileStream _file = new(temp, FileMode.CreateNew, FileAccess.Write, FileShare.None, 81920, useAsync: true);

        public Task WriteAsync(ReadOnlyMemory<byte> bytes, CancellationToken ct) => _file.WriteAsync(bytes, ct).AsTask();

        public async Task KeepAsync(string sha256, CancellationToken ct)
        {
            await _file.FlushAsync(ct);
            await _file.DisposeAsync();
            var path = store.PathOf(sha256);
            if (!File.Exists(path))
            {
                Directory.CreateDirectory(Path.GetDirectoryName(path)!);
                // Moved whole under its final name, so a crash never leaves half a file there.
                File.Move(temp, path, overwrite: true);
                if (!OperatingSystem.IsWindows())
                {
                    File.SetUnixFileMode(path, UnixFileMode.UserRead | UnixFileMode.GroupRead);
                }
            }
        }

        public async ValueTask DisposeAsync()
        {
            await _file.DisposeAsync();
            File.Delete(temp);
        }
    }
}

/// <summary>
/// The database: a file is written in chunks of 1 MB under a staging key, then renamed to its hash in one transaction with
/// its row in <c>sys_files</c> (two processes storing the same file at once keep one copy); read back a chunk at a time.
/// </summary>
internal sealed class DatabaseFileBytes(IServiceScopeFactory scopes) : IFileBytes
{
    public const int ChunkBytes = 1024 * 1024;

    public async Task<IFileBytesWriter> CreateAsync(CancellationToken ct)
    {
        var (scope, conn) = await OpenAsync(ct);
        return new Writer(scope, conn, "staged:" + Guid.NewGuid().ToString("N"));
    }

    public async Task<Stream?> OpenAsync(string sha256, CancellationToken ct)
    {
        var (scope, conn) = await OpenAsync(ct);
        try
        {
            await using var cmd = Command(conn, """SELECT "Chunks" FROM sys_files WHERE "Sha256" = @k""", ("@k", sha256));
            if (await cmd.ExecuteScalarAsync(ct) is not { } chunks || chunks is DBNull)
            {
                await scope.DisposeAsync();
                return null;
            }

            return new ChunkStream(scope, conn, sha256, Convert.ToInt32(chunks, System.Globalization.CultureInfo.InvariantCulture));
        }
        catch
        {
            await scope.DisposeAsync();
            throw;
        }
    }

    private async Task<(AsyncServiceScope Scope, DbConnection Connection)> OpenAsync(CancellationToken ct)
    {
        var scope = scopes.CreateAsyncScope();
        var conn = scope.ServiceProvider.GetRequiredService<FazhiDbContext>().Database.GetDbConnection();
        await conn.OpenAsync(ct);
        return (scope, conn);
    }

    private static DbCommand Command(DbConnection conn, string sql, params (string Name, object Value)[] parameters)
    {
        var cmd = conn.CreateCommand();
        cmd.CommandText = sql;
        foreach (var (name, value) in parameters)
        {
            var p = cmd.CreateParameter();
            p.ParameterName = name;
            p.Value = value;
            cmd.Parameters.Add(p);
        }

        return cmd;
    }

    private sealed class Writer(AsyncServiceScope scope, DbConnection conn, string staged) : IFileBytesWriter
    {
        private readonly byte[] _chunk = new byte[ChunkBytes];
        private int _filled;
        private int _chunks;
        private long _size;
        private bool _kept;

        public async Task WriteAsync(ReadOnlyMemory<byte> bytes, CancellationToken ct)
        {
            while (bytes.Length > 0)
            {
                var take = Math.Min(bytes.Length, ChunkBytes - _filled);
                bytes.Span[..take].CopyTo(_chunk.AsSpan(_filled));
                _filled += take;
                _size += take;
                bytes = bytes[take..];
                if (_filled == ChunkBytes)
                {
                    await FlushAsync(ct);
                }
            }
        }

        private async Task FlushAsync(CancellationToken ct)
        {
            if (_filled == 0)
            {
                return;
            }

            await using var cmd = Command(conn, """INSERT INTO sys_file_chunks ("Key", "Seq", "Data") VALUES (@k, @s, @d)""",
                ("@k", staged), ("@s", _chunks++), ("@d", _chunk.AsSpan(0, _filled).ToArray()));
            await cmd.ExecuteNonQueryAsync(ct);
            _filled = 0;
        }

        public async Task KeepAsync(string sha256, CancellationToken ct)
        {
            await FlushAsync(ct);
            await using var tx = await conn.BeginTransactionAsync(ct);
            await using (var exists = Command(conn, """SELECT count(*) FROM sys_files WHERE "Sha256" = @k""", ("@k", sha256)))
            {
                exists.Transaction = tx;
                if (Convert.ToInt64(await exists.ExecuteScalarAsync(ct), System.Globalization.CultureInfo.InvariantCulture) > 0)
                {
                    // Kept already (the same document uploaded twice): this copy is forgotten when disposed.
                    return;
                }
            }

            try
            {
                await using (var rename = Command(conn, """UPDATE sys_file_chunks SET "Key" = @h WHERE "Key" = @k""", ("@h", sha256), ("@k", staged)))
                {
                    rename.Transaction = tx;
                    await rename.ExecuteNonQueryAsync(ct);
                }

                await using (var row = Command(conn, """INSERT INTO sys_files ("Sha256", "Size", "Chunks") VALUES (@h, @n, @c)""", ("@h", sha256), ("@n", _size), ("@c", _chunks)))
                {
                    row.Transaction = tx;
                    await row.ExecuteNonQueryAsync(ct);
                }

                await tx.CommitAsync(ct);
                _kept = true;
            }
            catch (DbException)
            {
                // Another process kept the same bytes in the meantime: theirs stand, this copy is forgotten.
                await tx.RollbackAsync(ct);
                await using var check = Command(conn, """SELECT count(*) FROM sys_files WHERE "Sha256" = @k""", ("@k", sha256));
                if (Convert.ToInt64(await check.ExecuteScalarAsync(ct), System.Globalization.CultureInfo.InvariantCulture) == 0)
                {
                    throw;
                }
            }
        }

        public async ValueTask DisposeAsync()
        {
            try
            {
                if (!_kept)
                {
                    await using var forget = Command(conn, """DELETE FROM sys_file_chunks WHERE "Key" = @k""", ("@k", staged));
                    await forget.ExecuteNonQueryAsync();
                }
            }
            finally
            {
                await scope.DisposeAsync();
            }
        }
    }

    /// <summary>The kept chunks in order, one fetched at a time.</summary>
    private sealed class ChunkStream(AsyncServiceScope scope, DbConnection conn, string sha256, int chunks) : Stream
    {
        private byte[] _current = [];
        private int _offset;
        private int _next;

        public override bool CanRead => true;

        public override bool CanSeek => false;

        public override bool CanWrite => false;

        public override long Length => throw new NotSupportedException();

        public override long Position { get => throw new NotSupportedException(); set => throw new NotSupportedException(); }

        public override int Read(byte[] buffer, int offset, int count) => ReadAsync(buffer.AsMemory(offset, count)).AsTask().GetAwaiter().GetResult();

        public override async ValueTask<int> ReadAsync(Memory<byte> buffer, CancellationToken cancellationToken = default)
        {
            while (_offset == _current.Length)
            {
                if (_next == chunks)
                {
                    return 0;
                }

                await using var cmd = Command(conn, """SELECT "Data" FROM sys_file_chunks WHERE "Key" = @k AND "Seq" = @s""", ("@k", sha256), ("@s", _next++));
                _current = await cmd.ExecuteScalarAsync(cancellationToken) as byte[] ?? throw new IOException($"Chunk {_next - 1} of stored file {sha256[..12]} is missing.");
                _offset = 0;
            }

            var take = Math.Min(buffer.Length, _current.Length - _offset);
            _current.AsSpan(_offset, take).CopyTo(buffer.Span);
            _offset += take;
            return take;
        }

        public override Task<int> ReadAsync(byte[] buffer, int offset, int count, CancellationToken cancellationToken) =>
            ReadAsync(buffer.AsMemory(offset, count), cancellationToken).AsTask();

        public override void Flush()
        {
        }

        public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();

        public override void SetLength(long value) => throw new NotSupportedException();

        public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException();

        public override async ValueTask DisposeAsync()
        {
            await scope.DisposeAsync();
            await base.DisposeAsync();
        }

        protected override void Dispose(bool disposing)
        {
            if (disposing)
            {
                scope.DisposeAsync().AsTask().GetAwaiter().GetResult();
            }

            base.Dispose(disposing);
        }
    }
}

/// <summary>A file kept in the database (<see cref="DatabaseFileBytes"/>): its hash, size and number of chunks.</summary>
public sealed class StoredFileRow
{
    public string Sha256 { get; set; } = "";

    public long Size { get; set; }

    public int Chunks { get; set; }
}

/// <summary>A chunk of a file kept in the database, under its hash (or a staging key while it is written).</summary>
public sealed class FileChunk
{
    public string Key { get; set; } = "";

    public int Seq { get; set; }

    public byte[] Data { get; set; } = [];
}

internal sealed class StoredFileRowConfiguration : IEntityTypeConfiguration<StoredFileRow>
{
    public void Configure(EntityTypeBuilder<StoredFileRow> b)
    {
        b.ToTable("sys_files");
        b.HasKey(f => f.Sha256);
        b.Property(f => f.Sha256).HasMaxLength(64);
    }
}

internal sealed class FileChunkConfiguration : IEntityTypeConfiguration<FileChunk>
{
    public void Configure(EntityTypeBuilder<FileChunk> b)
    {
        b.ToTable("sys_file_chunks");
        b.HasKey(c => new { c.Key, c.Seq });
        b.Property(c => c.Key).HasMaxLength(80);
    }
}
