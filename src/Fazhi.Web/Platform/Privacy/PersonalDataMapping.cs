using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Metadata;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Microsoft.EntityFrameworkCore.Storage.ValueConversion;

namespace Fazhi.Web.Platform.Privacy;

/// <summary>
/// How a module marks personal data in its entity configuration. A personal property is stored
/// encrypted and shows masked in the audit record; a blind-index property stores only the keyed hash of
/// what is written to it, so an equality query on it finds the same value without the value being kept.
/// </summary>
public static class PersonalDataMapping
{
    internal const string PersonalAnnotation = "Fazhi:Personal";
    internal const string IndexAnnotation = "Fazhi:BlindIndex";
    internal const string IndexSourceAnnotation = "Fazhi:BlindIndexOf";

    /// <summary>Room for the ciphertext of a value of up to about 150 characters.</summary>
    public const int StoredLength = 300;

    /// <summary>Stores the (string) property encrypted; the audit record holds it masked.</summary>
    public static PropertyBuilder<TString> IsPersonal<TString>(this PropertyBuilder<TString> b, PersonalKind kind)
    {
        b.HasAnnotation(PersonalAnnotation, kind.ToString());
        if (kind == PersonalKind.Text)
        {
            // Ciphertext of a story is longer than the story: the column holds any length.
            b.Metadata.SetMaxLength(null);
            return b;
        }

        return b.HasMaxLength(StoredLength);
    }

    /// <summary>
    /// Stores the keyed hash of what is written here. <paramref name="source"/> names the personal
    /// property it indexes, so that an existing database can fill the index from it.
    /// </summary>
    public static PropertyBuilder<TString> IsBlindIndex<TString>(this PropertyBuilder<TString> b, PersonalKind kind, string? source = null)
    {
        b.HasAnnotation(IndexAnnotation, kind.ToString()).HasMaxLength(40);
        return source is null ? b : b.HasAnnotation(IndexSourceAnnotation, source);
    }

    public static PersonalKind? PersonalKindOf(IReadOnlyProperty p) =>
        p.FindAnnotation(PersonalAnnotation)?.Value is string k ? Enum.Parse<PersonalKind>(k) : null;

    public static PersonalKind? IndexKindOf(IReadOnlyProperty p) =>
        p.FindAnnotation(IndexAnnotation)?.Value is string k ? Enum.Parse<PersonalKind>(k) : null;

    public static string? IndexSourceOf(IReadOnlyProperty p) => p.FindAnnotation(IndexSourceAnnotation)?.Value as string;

    /// <summary>Puts the protector's converters on every marked property of the model.</summary>
    internal static void ApplyConverters(ModelBuilder model, PersonalDataProtector protector)
    {
        foreach (var property in model.Model.GetEntityTypes().SelectMany(e => e.GetProperties()))
        {
            if (PersonalKindOf(property) is not null)
            {
                property.SetValueConverter(new ValueConverter<string, string>(v => protector.Protect(v)!, v => protector.Unprotect(v)!));
            }
            else if (IndexKindOf(property) is { } kind)
            {
                // One way: what is read back is the hash itself, which only equality queries use.
                property.SetValueConverter(new ValueConverter<string, string>(v => protector.Index(kind, v)!, v => v));
            }
        }
    }
}

/// <summary>Contexts with different key material need models with different converters.</summary>
internal sealed class PersonalDataModelCacheKeyFactory : IModelCacheKeyFactory
{
    public object Create(DbContext context, bool designTime) =>
        context is Data.FazhiDbContext f ? (context.GetType(), f.Protector.ModelKey, designTime) : (context.GetType(), designTime);
}
