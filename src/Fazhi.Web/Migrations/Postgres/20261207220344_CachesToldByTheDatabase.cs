using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Fazhi.Web.Migrations.Postgres
{
    /// <inheritdoc />
    public partial class CachesToldByTheDatabase : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            // Every process keeps the calendar, the organisation and the catalogue in memory; whoever writes these
            // tables (a process of the platform, an administrator's SQL), the database tells every listening process
            // when the write commits (ChangeSignals). Statement-level: one notice per statement, merged per transaction.
            migrationBuilder.Sql("""
                CREATE FUNCTION fazhi_notify_change() RETURNS trigger LANGUAGE plpgsql AS $$
                BEGIN
                    PERFORM pg_notify('fazhi_changes', TG_ARGV[0]);
                    RETURN NULL;
                END
                $$;
                """);
            foreach (var (table, topic, columns) in Told)
            {
                var update = columns is null ? "UPDATE" : "UPDATE OF " + columns;
                migrationBuilder.Sql($"""
                    CREATE TRIGGER {table}_tell AFTER INSERT OR {update} OR DELETE OR TRUNCATE ON {table}
                    FOR EACH STATEMENT EXECUTE FUNCTION fazhi_notify_change('{topic}');
                    """);
            }
        }

        // A sign-in writes org_staff (stamps, failed attempts): only what the directory keeps tells.
        private static readonly (string Table, string Topic, string Columns)[] Told =
        [
            ("sys_calendar_years", "calendar", null),
            ("sys_calendar_days", "calendar", null),
            ("org_nodes", "organisation", null),
            ("org_windows", "organisation", null),
            ("org_staff", "organisation", "\"DepartmentId\", \"IsActive\", \"DisplayName\", \"UserName\""),
            ("svc_items", "catalog", null),
            ("svc_item_versions", "catalog", null),
        ];

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            foreach (var (table, _, _) in Told)
            {
                migrationBuilder.Sql($"DROP TRIGGER {table}_tell ON {table};");
            }

            migrationBuilder.Sql("DROP FUNCTION fazhi_notify_change();");
        }
    }
}
