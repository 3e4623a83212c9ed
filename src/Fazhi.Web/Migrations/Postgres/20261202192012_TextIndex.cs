using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Fazhi.Web.Migrations.Postgres
{
    /// <inheritdoc />
    public partial class TextIndex : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            // The text index (FTS5 with the trigram tokenizer on SQLite, pg_trgm on PostgreSQL), filled from the records already
            // there; the first enforcement version's record hashes are cleared (those steps count as written before the chain).
            // Idempotency keys of earlier requests are not carried over: they answer retries of the last moments only.
            migrationBuilder.Sql(@"CREATE EXTENSION IF NOT EXISTS pg_trgm;");
            migrationBuilder.Sql(@"CREATE INDEX ""IX_sys_search_Text_trgm"" ON sys_search USING gin (""Text"" gin_trgm_ops);");
            migrationBuilder.Sql(@"INSERT INTO sys_search (""Entity"", ""RecordId"", ""Text"") SELECT 'services.application', a.""Id"", lower(replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(a.""Number"" || '|' || a.""ApplicantName"" || '|' || a.""ItemName"", '〔', ''), '〕', ''), '(', ''), ')', ''), '（', ''), '）', ''), '[', ''), ']', ''), '【', ''), '】', ''), '《', ''), '》', ''), ' ', '')) FROM svc_applications a;");
            migrationBuilder.Sql(@"INSERT INTO sys_search (""Entity"", ""RecordId"", ""Text"") SELECT 'enforcement.case', c.""Id"", lower(replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(c.""Number"" || '|' || coalesce(c.""DecisionNumber"", '') || '|' || c.""Matter"" || '|' || coalesce(p.""Name"", ''), '〔', ''), '〕', ''), '(', ''), ')', ''), '（', ''), '）', ''), '[', ''), ']', ''), '【', ''), '】', ''), '《', ''), '》', ''), ' ', '')) FROM enf_cases c LEFT JOIN enf_parties p ON p.""CaseId"" = c.""Id"";");
            migrationBuilder.Sql(@"INSERT INTO sys_search (""Entity"", ""RecordId"", ""Text"") SELECT 'enforcement.publication', x.""Id"", lower(replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(x.""DocumentNumber"" || '|' || x.""Matter"" || '|' || x.""Party"", '〔', ''), '〕', ''), '(', ''), ')', ''), '（', ''), '）', ''), '[', ''), ']', ''), '【', ''), '】', ''), '《', ''), '》', ''), ' ', '')) FROM enf_publications x;");
            migrationBuilder.Sql(@"INSERT INTO sys_search (""Entity"", ""RecordId"", ""Text"") SELECT 'mediation.case', c.""Id"", lower(replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(c.""Number"" || '|' || coalesce((SELECT string_agg(p.""Name"", '|') FROM med_parties p WHERE p.""CaseId"" = c.""Id""), ''), '〔', ''), '〕', ''), '(', ''), ')', ''), '（', ''), '）', ''), '[', ''), ']', ''), '【', ''), '】', ''), '《', ''), '》', ''), ' ', '')) FROM med_cases c;");
            migrationBuilder.Sql(@"UPDATE enf_record_steps SET ""Hash"" = '', ""PreviousHash"" = '';");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.Sql(@"DROP INDEX IF EXISTS ""IX_sys_search_Text_trgm"";");
        }
    }
}
