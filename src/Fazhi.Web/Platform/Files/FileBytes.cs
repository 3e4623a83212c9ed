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
/// The database (PostgreSQL): a file is written in chunks of 1 MB under a staging key, then renamed to its hash in one
/// transaction with its row in <c>sys_files</c> (two processes storing the same file at once keep one copy); read back a
/// chunk at a time. Each statement takes a pooled connection for itself, so a slow client holds none while it sends or
/// reads; a staging copy left by a crash is swept a day later.
/// </summary>
internal sealed class DatabaseFileBytes(IConfiguration configuration, ILogger<DatabaseFileBytes> log) : IFileBytes, IDisposable
{
    public const int ChunkBytes = 1024 * 1024;

    private readonly Npgsql.NpgsqlDataSource _source = Npgsql.NpgsqlDataSource.Create(configuration.GetConnectionString(DatabaseSetup.ConnectionName)
        ?? throw new InvalidOperationException("Files:Store is Database but ConnectionStrings:Fazhi is empty."));

    private int _swept;

    private ILogger Log => log;

    public void Dispose() => _source.Dispose();

    public async Task<IFileBytesWriter> CreateAsync(CancellationToken ct)
    {
        if (Interlocked.Exchange(ref _swept, 1) == 0)
        {
            await SweepAsync(ct);
        }

        // The staging key starts with its time (ten digits of Unix seconds), so that old ones sort first and can be swept.
        return new Writer(this, $"staged:{DateTimeOffset.UtcNow.ToUnixTimeSeconds():D10}:{Guid.NewGuid():N}");
    }

    /// <summary>Forgets the staging copies of uploads a crash interrupted more than a day ago.</summary>
    private async Task SweepAsync(CancellationToken ct)
    {
        var cutoff = $"staged:{DateTimeOffset.UtcNow.AddDays(-1).ToUnixTimeSeconds():D10}";
        var swept = await ExecuteAsync("""DELETE FROM sys_file_chunks WHERE "Key" LIKE 'staged:%' AND "Key" < @k""", ct, ("k", cutoff));
        if (swept > 0)
        {
            Log.LogWarning("Swept {Chunks} chunks of uploads interrupted more than a day ago", swept);
        }
    }

    public async Task<Stream?> OpenAsync(string sha256, CancellationToken ct)
    {
        await using var conn = await _source.OpenConnectionAsync(ct);
        await using var cmd = new Npgsql.NpgsqlCommand("""SELECT "Chunks" FROM sys_files WHERE "Sha256" = @k""", conn);
        cmd.Parameters.AddWithValue("k", sha256);
        return await cmd.ExecuteScalarAsync(ct) is int chunks ? new ChunkStream(this, sha256, chunks) : null;
    }

    private async Task<int> ExecuteAsync(string sql, CancellationToken ct, params (string Name, object Value)[] parameters)
    {
        await using var conn = await _source.OpenConnectionAsync(ct);
        await using var cmd = new Npgsql.NpgsqlCommand(sql, conn);
        foreach (var (name, value) in parameters)
        {
            cmd.Parameters.AddWithValue(name, value);
        }

        return await cmd.ExecuteNonQueryAsync(ct);
    }

    private async Task<byte[]?> ChunkAsync(string key, int seq, CancellationToken ct)
    {
        await using var conn = await _source.OpenConnectionAsync(ct);
        await using var cmd = new Npgsql.NpgsqlCommand("""SELECT "Data" FROM sys_file_chunks WHERE "Key" = @k AND "Seq" = @s""", conn);
        cmd.Parameters.AddWithValue("k", key);
        cmd.Parameters.AddWithValue("s", seq);
        return await cmd.ExecuteScalarAsync(ct) as byte[];
    }

    private sealed class Writer(DatabaseFileBytes store, string staged) : IFileBytesWriter
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

            await store.ExecuteAsync("""INSERT INTO sys_file_chunks ("Key", "Seq", "Data") VALUES (@k, @s, @d)""", ct,
                ("k", staged), ("s", _chunks++), ("d", _chunk.AsSpan(0, _filled).ToArray()));
            _filled = 0;
        }

        public async Task KeepAsync(string sha256, CancellationToken ct)
        {
            await FlushAsync(ct);
            await using var conn = await store._source.OpenConnectionAsync(ct);
            async Task<bool> KeptAsync()
            {
                await using var cmd = new Npgsql.NpgsqlCommand("""SELECT EXISTS (SELECT 1 FROM sys_files WHERE "Sha256" = @k)""", conn);
                cmd.Parameters.AddWithValue("k", sha256);
                return await cmd.ExecuteScalarAsync(ct) is true;
            }

            if (await KeptAsync())
            {
                // Kept already (the same document uploaded twice): this copy is forgotten when disposed.
                return;
            }

            try
            {
                await using var tx = await conn.BeginTransactionAsync(ct);
                await using (var rename = new Npgsql.NpgsqlCommand("""UPDATE sys_file_chunks SET "Key" = @h WHERE "Key" = @k""", conn, tx))
                {
                    rename.Parameters.AddWithValue("h", sha256);
                    rename.Parameters.AddWithValue("k", staged);
                    await rename.ExecuteNonQueryAsync(ct);
                }

                await using (var row = new Npgsql.NpgsqlCommand("""INSERT INTO sys_files ("Sha256", "Size", "Chunks") VALUES (@h, @n, @c)""", conn, tx))
                {
                    row.Parameters.AddWithValue("h", sha256);
                    row.Parameters.AddWithValue("n", _size);
                    row.Parameters.AddWithValue("c", _chunks);
                    await row.ExecuteNonQueryAsync(ct);
                }

                await tx.CommitAsync(ct);
                _kept = true;
            }
            catch (Npgsql.PostgresException e) when (e.SqlState == Npgsql.PostgresErrorCodes.UniqueViolation)
            {
                // Another process kept the same bytes in the meantime: theirs stand, this copy is forgotten.
                if (!await KeptAsync())
                {
                    throw;
                }
            }
        }

        public async ValueTask DisposeAsync()
        {
            if (_kept)
            {
                return;
            }

            try
            {
                await store.ExecuteAsync("""DELETE FROM sys_file_chunks WHERE "Key" = @k""", CancellationToken.None, ("k", staged));
            }
            catch (Npgsql.NpgsqlException e)
            {
                // Not the caller's error: the staging copy is swept a day later.
                store.Log.LogWarning(e, "Could not forget the staging copy {Key}", staged);
            }
        }
    }

    /// <summary>The kept chunks in order, one fetched at a time, each on a connection of its own.</summary>
    private sealed class ChunkStream(DatabaseFileBytes store, string sha256, int chunks) : Stream
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

                _current = await store.ChunkAsync(sha256, _next++, cancellationToken) ?? throw new IOException($"Chunk {_next - 1} of stored file {sha256[..12]} is missing.");
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
