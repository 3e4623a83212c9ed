using System.Linq.Expressions;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Fazhi.Web.Platform.Deadlines;

/// <summary>Stores a <see cref="DeadlineClock"/> on a module's entity as columns named after it (<c>DecisionDueDate</c>, …).</summary>
public static class DeadlineClockMapping
{
    /// <summary>
    /// Maps the clock as a complex property whose columns carry <paramref name="prefix"/>; a clock property that
    /// may be null (not started yet) leaves them all null.
    /// </summary>
    public static EntityTypeBuilder<T> HasClock<T>(this EntityTypeBuilder<T> b, Expression<Func<T, DeadlineClock?>> clock, string prefix)
        where T : class
    {
        b.ComplexProperty(clock, c =>
        {
            c.Property(x => x.StartedOn).HasColumnName(prefix + "StartedOn");
            c.Property(x => x.Allowance).HasColumnName(prefix + "Allowance");
            c.Property(x => x.Unit).HasColumnName(prefix + "Unit");
            c.Property(x => x.DueDate).HasColumnName(prefix + "DueDate");
            c.Property(x => x.YellowFrom).HasColumnName(prefix + "YellowFrom");
            c.Property(x => x.PausedSince).HasColumnName(prefix + "PausedSince");
            c.Property(x => x.RemainingWhenPaused).HasColumnName(prefix + "RemainingWhenPaused");
            c.Property(x => x.Extensions).HasColumnName(prefix + "Extensions");
            c.Property(x => x.ExtendedBy).HasColumnName(prefix + "ExtendedBy");
        });
        return b;
    }
}
