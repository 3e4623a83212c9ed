using System.Net.Http.Json;
using System.Text.Json;
using Fazhi.Tests.Infrastructure;
using Microsoft.Extensions.DependencyInjection;

namespace Fazhi.Tests.Platform;

/// <summary>The OpenAPI document, read as a client generator would: every answer, body and closed set declared.</summary>
public sealed class ApiDocumentTests(FazhiFactory app) : IClassFixture<FazhiFactory>
{
    private static readonly string[] Methods = ["get", "post", "put", "patch", "delete"];

    // Writes that take nothing but the route: their body is rightly absent.
    private static readonly string[] Bodiless =
    [
        "post /api/services/complaints/{id}/close",
        "post /api/auth/logout",
        "post /api/publicity/reports/{id}/confirm",
        "post /api/publicity/reporters/{id}/stop",
        "post /api/mediation/cases/{id}/parties/{partyId}/consent",
        "post /api/mediation/cases/{id}/parties/{partyId}/phone",
        "post /api/enforcement/cases/{id}/filing-approval",
        "post /api/enforcement/cases/{id}/hearing-waiver",
        "post /api/enforcement/cases/{id}/review-submission",
        "post /api/enforcement/cases/{id}/archive",
        "post /api/enforcement/cases/{id}/decision-resume",
        "post /api/legal-aid/applications/{id}/forwarding",
        "post /api/petitions/{id}/acceptance",
        "post /api/services/online/account/phone-code",
        "post /api/petitions/{id}/sealed-identity",
        "post /api/legal-aid/applications/{id}/materials-supplied",
        "post /api/legal-aid/applications/{id}/lapse",
        "post /api/legal-aid/applications/{id}/grant",
        "post /api/documents/decisions/directory/{year}",
        "post /api/documents/decisions/{id}/legality",
        "post /api/documents/{id}/comment/open",
        "post /api/documents/{id}/comment/close",
    ];

    private async Task<JsonElement> DocumentAsync() => await app.Anonymous().GetFromJsonAsync<JsonElement>("/openapi/v1.json");

    private static IEnumerable<(string Key, string Path, string Method, JsonElement Op)> Operations(JsonElement doc) =>
        doc.GetProperty("paths").EnumerateObject().SelectMany(p => p.Value.EnumerateObject()
            .Where(m => Methods.Contains(m.Name))
            .Select(m => ($"{m.Name} {p.Name}", p.Name, m.Name, m.Value)));

    [Fact]
    public async Task Every_operation_declares_the_problem_answers_it_can_give()
    {
        var doc = await DocumentAsync();
        var missing = new List<string>();
        foreach (var (key, path, method, op) in Operations(doc).Where(o => o.Path.StartsWith("/api/", StringComparison.Ordinal)))
        {
            var responses = op.GetProperty("responses");
            var codes = responses.EnumerateObject().Select(r => r.Name).ToHashSet();
            void Need(string code, bool when)
            {
                if (when && !codes.Contains(code))
                {
                    missing.Add($"{key}: {code}");
                }
            }

            var parameters = op.TryGetProperty("parameters", out var ps) ? ps.EnumerateArray().ToList() : [];
            var body = op.TryGetProperty("requestBody", out _);
            var write = method != "get";
            Need("400", body || parameters.Count > 0);
            Need("422", body || parameters.Any(p => p.GetProperty("in").GetString() == "query"));
            Need("404", parameters.Any(p => p.GetProperty("in").GetString() == "path"));
            // A write that needs a sign-in can meet a conflict and a missing right (the login's 401 is wrong credentials).
            var signedIn = op.TryGetProperty("security", out var security) && security.EnumerateArray().Any(r => r.TryGetProperty("Bearer", out _));
            Need("409", write && signedIn);
            Need("403", write && signedIn);
            Need("401", signedIn);
            foreach (var problem in responses.EnumerateObject().Where(r => r.Name.StartsWith('4')))
            {
                var content = problem.Value.GetProperty("content");
                if (!content.TryGetProperty("application/problem+json", out var media)
                    || !media.GetProperty("schema").GetProperty("$ref").GetString()!.EndsWith("/ProblemBody", StringComparison.Ordinal))
                {
                    missing.Add($"{key}: {problem.Name} is not a problem document");
                }
            }
        }

        // Staff operations answer 401 without a sign-in; the public look-ups are rate-limited.
        var ops = Operations(doc).ToDictionary(o => o.Key, o => o.Op);
        Assert.True(ops["get /api/services/queue"].GetProperty("responses").TryGetProperty("401", out _));
        Assert.True(ops["get /api/public/progress/{token}"].GetProperty("responses").TryGetProperty("429", out _));
        Assert.Empty(missing);
    }

    [Fact]
    public async Task Every_request_body_is_described_the_multipart_forms_included()
    {
        var doc = await DocumentAsync();
        var bodiless = Operations(doc).Where(o => o.Method is "post" or "put" && o.Path.StartsWith("/api/", StringComparison.Ordinal) && !o.Op.TryGetProperty("requestBody", out _))
            .Select(o => o.Key).ToList();
        Assert.Empty(bodiless.Except(Bodiless));

        var online = Operations(doc).Single(o => o.Key == "post /api/services/online/applications").Op.GetProperty("requestBody").GetProperty("content").GetProperty("multipart/form-data").GetProperty("schema");
        var fields = online.GetProperty("properties").EnumerateObject().Select(p => p.Name).ToList();
        Assert.Contains("itemCode", fields);
        Assert.Contains("idNumber", fields);
        Assert.Equal("binary", online.GetProperty("additionalProperties").GetProperty("format").GetString());
        var corrections = Operations(doc).Single(o => o.Key == "post /api/services/online/applications/{id}/corrections").Op.GetProperty("requestBody").GetProperty("content");
        Assert.True(corrections.TryGetProperty("multipart/form-data", out _));
        var staffImport = Operations(doc).Single(o => o.Key == "post /api/org/staff/import").Op.GetProperty("requestBody").GetProperty("content");
        Assert.True(staffImport.TryGetProperty("multipart/form-data", out _));
    }

    [Fact]
    public async Task Closed_sets_are_enums_in_the_document()
    {
        var doc = await DocumentAsync();
        var schemas = doc.GetProperty("components").GetProperty("schemas");
        JsonElement Resolve(JsonElement s)
        {
            if (s.TryGetProperty("$ref", out var r))
            {
                return schemas.GetProperty(r.GetString()!.Split('/')[^1]);
            }

            if (s.TryGetProperty("oneOf", out var one))
            {
                return Resolve(one.EnumerateArray().First(x => !x.TryGetProperty("type", out var t) || t.ToString() != "null"));
            }

            return s.TryGetProperty("items", out var items) ? Resolve(items) : s;
        }

        List<string> Values(string schema, string property) =>
            [.. Resolve(schemas.GetProperty(schema).GetProperty("properties").GetProperty(property)).GetProperty("enum").EnumerateArray()
                .Where(v => v.ValueKind == JsonValueKind.String).Select(v => v.GetString()!)];

        Assert.Equal(["accept", "correction", "refuse"], Values("ServicesIntakeRequest", "outcome"));
        Assert.Equal(["accept", "correction", "refuse"], Values("ServicesIntakeDecision", "outcome"));
        Assert.Contains("RequestExtension", Values("ServicesProcessView", "allowed"));
        Assert.Equal(["Normal", "Yellow", "Red"], Values("ServicesQueueRow", "level"));
        Assert.Equal(["window", "post", "electronic"], Values("ServicesDeliveryRequest", "method"));
        Assert.Contains("expert_review", Values("ServicesSuspendRequest", "kind"));
        Assert.Equal(["Normal", "Yellow", "Red"], Values("AlertView", "level"));
    }

    /// <summary>Fields a record changes only through a step of its own (a status, the head mark) or never through the API.</summary>
    private static readonly string[] OwnStepFields = ["status", "isHead", "passwordHash", "securityStamp", "lockoutEnd", "idempotencyKey", "createdAt", "createdBy", "hash"];

    [Fact]
    public async Task Every_update_endpoint_carries_only_what_its_callers_may_set_and_refuses_anything_more()
    {
        var doc = await DocumentAsync();
        var schemas = doc.GetProperty("components").GetProperty("schemas");
        var updates = Operations(doc).Where(o => o.Method is "put" or "patch" && o.Path.StartsWith("/api/", StringComparison.Ordinal)).ToList();
        Assert.True(updates.Count >= 7, $"{updates.Count} update endpoints");

        var officer = await app.SignedInAsync("officer.msa");
        var admin = await app.SignedInAsync("admin");
        var problems = new List<string>();
        foreach (var (key, path, method, op) in updates)
        {
            // The request model names no field that has its own step.
            var reference = op.GetProperty("requestBody").GetProperty("content").GetProperty("application/json").GetProperty("schema").GetProperty("$ref").GetString()!;
            var properties = schemas.GetProperty(reference.Split('/')[^1]).GetProperty("properties").EnumerateObject().Select(p => p.Name).ToList();
            problems.AddRange(properties.Intersect(OwnStepFields).Select(f => $"{key} carries {f}"));

            var url = path.Replace("{id}", Guid.NewGuid().ToString(), StringComparison.Ordinal).Replace("{code}", "TX-QY-001", StringComparison.Ordinal)
                .Replace("{date}", "2026-12-31", StringComparison.Ordinal);
            using var hostile = new StringContent("{\"status\":\"Valid\",\"isHead\":true}", System.Text.Encoding.UTF8, "application/json");

            // An officer's account may call none of them; the administrator's body with a field beyond the model is refused on it.
            var asOfficer = await officer.SendAsync(new HttpRequestMessage(new HttpMethod(method), url) { Content = hostile });
            if (asOfficer.StatusCode != System.Net.HttpStatusCode.Forbidden)
            {
                problems.Add($"{key} as an officer: {(int)asOfficer.StatusCode}");
            }

            var asAdmin = await admin.SendAsync(new HttpRequestMessage(new HttpMethod(method), url) { Content = new StringContent("{\"status\":\"Valid\"}", System.Text.Encoding.UTF8, "application/json") });
            var body = await asAdmin.Content.ReadAsStringAsync();
            if (asAdmin.StatusCode != System.Net.HttpStatusCode.BadRequest || !body.Contains("\"status\"", StringComparison.Ordinal))
            {
                problems.Add($"{key} as the administrator with a status: {(int)asAdmin.StatusCode} {body}");
            }
        }

        Assert.True(problems.Count == 0, string.Join("\n", problems));
    }

    /// <summary>Ids given to more than one type: each with the types that share it.</summary>
    private static List<string> Collisions(IEnumerable<Type> types, Func<Type, string?> idOf) =>
        [.. types.Distinct().Select(t => (Id: idOf(t), Type: t)).Where(x => x.Id is not null).GroupBy(x => x.Id!)
            .Where(g => g.Count() > 1).Select(g => $"{g.Key}: {string.Join(", ", g.Select(x => x.Type.FullName))}")];

    /// <summary>Every type the API reads or answers, and the types of their properties, elements and generic arguments.</summary>
    [Fact]
    public void Answers_are_read_models_never_stored_entities()
    {
        // A stored entity in an answer hands out whatever it holds (an idempotency key, a row version) and ties clients to the tables.
        using var scope = app.Services.CreateScope();
        var model = scope.ServiceProvider.GetRequiredService<Fazhi.Web.Platform.Data.FazhiDbContext>().Model;
        var entities = ApiTypes(answersOnly: true).Where(t => model.FindEntityType(t) is not null).Select(t => t.FullName).ToList();
        Assert.True(entities.Count == 0, string.Join(", ", entities));
    }

    private IEnumerable<Type> ApiTypes(bool answersOnly = false)
    {
        var descriptions = app.Services.GetRequiredService<Microsoft.AspNetCore.Mvc.ApiExplorer.IApiDescriptionGroupCollectionProvider>()
            .ApiDescriptionGroups.Items.SelectMany(g => g.Items).ToList();
        var pending = new Stack<Type>(descriptions.SelectMany(d => (answersOnly ? [] : d.ParameterDescriptions.Select(p => p.Type)).Concat(d.SupportedResponseTypes.Select(r => r.Type))).OfType<Type>());
        var seen = new HashSet<Type>();
        while (pending.TryPop(out var t))
        {
            t = Nullable.GetUnderlyingType(t) ?? t;
            if (!seen.Add(t))
            {
                continue;
            }

            Type[] inner = t.IsArray ? [t.GetElementType()!] : t.IsGenericType ? t.GetGenericArguments() : [];
            foreach (var i in inner)
            {
                pending.Push(i);
            }

            if (t.Namespace?.StartsWith("Fazhi.Web", StringComparison.Ordinal) == true && !t.IsEnum)
            {
                foreach (var p in t.GetProperties(System.Reflection.BindingFlags.Public | System.Reflection.BindingFlags.Instance))
                {
                    pending.Push(p.PropertyType);
                }
            }
        }

        return seen.Where(t => t.Namespace?.StartsWith("Fazhi.Web", StringComparison.Ordinal) == true || t.IsGenericType && t.GetGenericArguments().Any(a => a.Namespace?.StartsWith("Fazhi.Web", StringComparison.Ordinal) == true));
    }

    [Fact]
    public async Task Schema_ids_are_unique_across_work_lines_and_each_module_s_body_is_its_own()
    {
        var doc = await DocumentAsync();
        var ops = Operations(doc).ToDictionary(o => o.Key, o => o.Op);
        string Body(string key) => ops[key].GetProperty("requestBody").GetProperty("content").GetProperty("application/json").GetProperty("schema").GetProperty("$ref").GetString()!;
        Assert.EndsWith("/EnforcementRegisterCaseRequest", Body("post /api/enforcement/cases"), StringComparison.Ordinal);
        Assert.EndsWith("/MediationRegisterCaseRequest", Body("post /api/mediation/cases"), StringComparison.Ordinal);
        var list = ops["get /api/enforcement/cases"].GetProperty("responses").GetProperty("200").GetProperty("content").GetProperty("application/json").GetProperty("schema").GetProperty("$ref").GetString()!;
        Assert.StartsWith("Enforcement", list.Split('/')[^1], StringComparison.Ordinal);

        // Every answer is a named read model: a client generator names its class after it.
        var anonymous = doc.GetProperty("components").GetProperty("schemas").EnumerateObject().Select(p => p.Name).Where(n => n.StartsWith("AnonymousType", StringComparison.Ordinal)).ToList();
        Assert.True(anonymous.Count == 0, string.Join(", ", anonymous));

        // Every type the API uses gets an id no other type has.
        var json = app.Services.GetRequiredService<Microsoft.Extensions.Options.IOptions<Microsoft.AspNetCore.Http.Json.JsonOptions>>().Value.SerializerOptions;
        var types = ApiTypes().ToList();
        Assert.Contains(types, t => t.FullName == "Fazhi.Web.Modules.Mediation.Features.CaseRow");
        Assert.Contains(types, t => t.FullName == "Fazhi.Web.Modules.Enforcement.Features.CaseRow");
        var collisions = Collisions(types, t => Fazhi.Web.Platform.Web.SchemaIds.Of(json.GetTypeInfo(t)));
        Assert.True(collisions.Count == 0, string.Join("\n", collisions));

        // The check finds what the framework's default ids did: two modules' CaseRow under one id.
        Assert.NotEmpty(Collisions(types, t => Microsoft.AspNetCore.OpenApi.OpenApiOptions.CreateDefaultSchemaReferenceId(json.GetTypeInfo(t))));
        const string root = "Fazhi.Tests.Platform.Boundary.Modules.";
        Type[] things = [typeof(Boundary.Modules.Alpha.Thing), typeof(Boundary.Modules.Beta.Thing)];
        string? FakeModule(Type t) => t.Namespace is { } ns && ns.StartsWith(root, StringComparison.Ordinal) ? ns[root.Length..].ToLowerInvariant() : null;
        Assert.Single(Collisions(things, t => t.Name));
        Assert.Empty(Collisions(things, t => Fazhi.Web.Platform.Web.SchemaIds.Prefix(t, FakeModule) + t.Name));
    }

    [Fact]
    public async Task A_client_generator_finds_the_bearer_scheme_an_operation_id_on_every_operation_and_a_relative_server()
    {
        var doc = await DocumentAsync();
        Assert.Equal("/", doc.GetProperty("servers")[0].GetProperty("url").GetString());
        var bearer = doc.GetProperty("components").GetProperty("securitySchemes").GetProperty("Bearer");
        Assert.Equal(("http", "bearer"), (bearer.GetProperty("type").GetString(), bearer.GetProperty("scheme").GetString()));

        var ops = Operations(doc).Where(o => o.Path.StartsWith("/api/", StringComparison.Ordinal)).ToList();
        var ids = ops.Select(o => o.Op.TryGetProperty("operationId", out var id) ? id.GetString() : null).ToList();
        Assert.DoesNotContain(null, ids);
        Assert.Equal(ids.Count, ids.Distinct(StringComparer.Ordinal).Count());
        Assert.Contains("postEnforcementCasesByIdEvidence", ids);

        // A signed-in operation names the scheme; a public look-up and the login do not.
        static bool Secured(JsonElement op) => op.TryGetProperty("security", out var s) && s.EnumerateArray().Any(r => r.TryGetProperty("Bearer", out _));
        var byKey = ops.ToDictionary(o => o.Key, o => o.Op);
        Assert.True(Secured(byKey["get /api/enforcement/cases"]));
        Assert.True(Secured(byKey["post /api/mediation/cases"]));
        Assert.False(Secured(byKey["get /api/public/progress/{token}"]));
        Assert.False(Secured(byKey["post /api/auth/login"]));
        Assert.All(ops.Where(o => o.Op.GetProperty("responses").TryGetProperty("401", out _) && o.Key != "post /api/auth/login"), o => Assert.True(Secured(o.Op), o.Key));
    }

    [Fact]
    public async Task Numbers_are_typed_as_numbers_and_a_number_sent_as_text_is_refused_on_its_field()
    {
        var doc = await DocumentAsync();
        var mixed = new List<string>();
        foreach (var schema in doc.GetProperty("components").GetProperty("schemas").EnumerateObject())
        {
            if (!schema.Value.TryGetProperty("properties", out var properties))
            {
                continue;
            }

            foreach (var p in properties.EnumerateObject())
            {
                if (p.Value.TryGetProperty("type", out var type) && type.ValueKind == JsonValueKind.Array)
                {
                    var kinds = type.EnumerateArray().Select(t => t.GetString()).ToList();
                    if (kinds.Contains("string") && (kinds.Contains("integer") || kinds.Contains("number")))
                    {
                        mixed.Add($"{schema.Name}.{p.Name}");
                    }
                }
            }
        }

        Assert.True(mixed.Count == 0, string.Join(", ", mixed.Take(20)));
        var officer = await app.SignedInAsync("officer.msa");
        var text = await officer.PostAsync($"/api/enforcement/cases/{Guid.NewGuid()}/extensions",
            new StringContent("{\"limit\":\"decision\",\"days\":\"10\",\"reason\":\"案情复杂\"}", System.Text.Encoding.UTF8, "application/json"));
        var problem = await text.ReadProblemAsync(System.Net.HttpStatusCode.BadRequest);
        Assert.Equal(("request.wrong_type", "days"), (problem.Code(), Assert.Single(problem.ErrorFields())));
    }

    [Fact]
    public async Task Every_operation_has_a_summary_and_says_whether_it_needs_a_sign_in_and_every_tag_has_a_description()
    {
        var doc = await DocumentAsync();
        var missing = Operations(doc).Where(o => !o.Op.TryGetProperty("summary", out var s) || string.IsNullOrWhiteSpace(s.GetString())).Select(o => o.Key).ToList();
        Assert.True(missing.Count == 0, "no summary: " + string.Join(", ", missing));
        var unsaid = Operations(doc).Where(o => !o.Op.TryGetProperty("security", out _)).Select(o => o.Key).ToList();
        Assert.True(unsaid.Count == 0, "no security said: " + string.Join(", ", unsaid));
        // A public look-up says so with an empty requirement: anyone may call it.
        var progress = Operations(doc).Single(o => o.Key == "get /api/public/progress/{token}").Op.GetProperty("security");
        Assert.Equal(JsonValueKind.Object, Assert.Single(progress.EnumerateArray()).ValueKind);
        Assert.Empty(progress[0].EnumerateObject());

        var tags = doc.GetProperty("tags").EnumerateArray().ToList();
        var used = Operations(doc).SelectMany(o => o.Op.GetProperty("tags").EnumerateArray().Select(t => t.GetString()!)).ToHashSet();
        Assert.Subset(tags.Select(t => t.GetProperty("name").GetString()!).ToHashSet(), used);
        Assert.All(tags, t => Assert.False(string.IsNullOrWhiteSpace(t.TryGetProperty("description", out var d) ? d.GetString() : null), t.GetProperty("name").GetString()));
    }

    [Fact]
    public async Task Closed_sets_are_string_enums_of_their_values_only_and_files_are_bytes()
    {
        var doc = await DocumentAsync();
        var wrong = new List<string>();
        void Walk(JsonElement e, string path)
        {
            if (e.ValueKind == JsonValueKind.Object)
            {
                if (e.TryGetProperty("enum", out var values))
                {
                    if (!e.TryGetProperty("type", out var type) || type.ValueKind != JsonValueKind.String || type.GetString() != "string")
                    {
                        wrong.Add(path + ": enum without \"type\": \"string\"");
                    }

                    if (values.EnumerateArray().Any(v => v.ValueKind == JsonValueKind.Null))
                    {
                        wrong.Add(path + ": enum with a null member");
                    }
                }

                if (e.TryGetProperty("$ref", out var r) && r.GetString() is "#/components/schemas/IFormFile" or "#/components/schemas/Stream")
                {
                    wrong.Add(path + ": " + r.GetString());
                }

                foreach (var p in e.EnumerateObject())
                {
                    Walk(p.Value, path + "/" + p.Name);
                }
            }
            else if (e.ValueKind == JsonValueKind.Array)
            {
                var i = 0;
                foreach (var item in e.EnumerateArray())
                {
                    Walk(item, $"{path}[{i++}]");
                }
            }
        }

        Walk(doc, "");
        Assert.True(wrong.Count == 0, string.Join("\n", wrong.Take(20)));

        // A nullable closed set stays nullable where it is used, pointing at the enum.
        var limit = doc.GetProperty("components").GetProperty("schemas").GetProperty("EnforcementExtensionRequest").GetProperty("properties").GetProperty("limit");
        Assert.Contains(limit.GetProperty("oneOf").EnumerateArray(), s => s.TryGetProperty("$ref", out var r) && r.GetString() == "#/components/schemas/EnforcementExtensionLimit");

        var ops = Operations(doc).ToDictionary(o => o.Key, o => o.Op);
        var upload = ops["post /api/org/import"].GetProperty("requestBody").GetProperty("content").GetProperty("multipart/form-data").GetProperty("schema").GetProperty("properties").GetProperty("file");
        Assert.Equal(("string", "binary"), (upload.GetProperty("type").GetString(), upload.GetProperty("format").GetString()));
    }

    [Fact]
    public async Task Every_download_declares_its_content_type_as_bytes()
    {
        var doc = await DocumentAsync();
        var ops = Operations(doc).ToDictionary(o => o.Key, o => o.Op);

        // Every endpoint in the document whose handler answers a file, found from the handlers themselves.
        var sources = app.Services.GetServices<Microsoft.AspNetCore.Routing.EndpointDataSource>();
        var files = sources.SelectMany(s => s.Endpoints).OfType<Microsoft.AspNetCore.Routing.RouteEndpoint>()
            .Where(e => e.Metadata.GetMetadata<Microsoft.AspNetCore.Routing.IExcludeFromDescriptionMetadata>() is not { ExcludeFromDescription: true })
            .Where(e => e.Metadata.OfType<System.Reflection.MethodInfo>().Any(m => AnswersFile(m.ReturnType)))
            .Select(e => $"{e.Metadata.GetMetadata<Microsoft.AspNetCore.Routing.IHttpMethodMetadata>()!.HttpMethods[0].ToLowerInvariant()} {Route(e.RoutePattern.RawText!)}")
            .Distinct().ToList();
        Assert.True(files.Count >= 24, $"{files.Count} downloads found: " + string.Join(", ", files));

        var undescribed = new List<string>();
        foreach (var key in files)
        {
            if (!ops.TryGetValue(key, out var op) || !op.GetProperty("responses").TryGetProperty("200", out var ok) || !ok.TryGetProperty("content", out var content)
                || !content.EnumerateObject().Any()
                || content.EnumerateObject().Any(c => c.Name.Contains("json", StringComparison.Ordinal) || c.Value.GetProperty("schema").GetProperty("format").GetString() != "binary"))
            {
                undescribed.Add(key);
            }
        }

        Assert.True(undescribed.Count == 0, "described as no file: " + string.Join(", ", undescribed));
        var word = ops["get /api/mediation/cases/{id}/agreement.docx"].GetProperty("responses").GetProperty("200").GetProperty("content");
        Assert.True(word.TryGetProperty("application/vnd.openxmlformats-officedocument.wordprocessingml.document", out _));
        var excel = ops["get /api/enforcement/cases/export"].GetProperty("responses").GetProperty("200").GetProperty("content");
        Assert.True(excel.TryGetProperty("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", out _));
    }

    [Fact]
    public async Task The_login_answer_and_its_refusals_are_described()
    {
        var doc = await DocumentAsync();
        var responses = Operations(doc).Single(o => o.Key == "post /api/auth/login").Op.GetProperty("responses");
        var token = responses.GetProperty("200").GetProperty("content").GetProperty("application/json").GetProperty("schema").GetProperty("$ref").GetString()!;
        var answer = doc.GetProperty("components").GetProperty("schemas").GetProperty(token.Split('/')[^1]).GetProperty("properties");
        Assert.True(answer.TryGetProperty("accessToken", out _) && answer.TryGetProperty("expiresIn", out _));
        foreach (var status in new[] { "401", "403" })
        {
            Assert.EndsWith("/ProblemBody", responses.GetProperty(status).GetProperty("content").GetProperty("application/problem+json").GetProperty("schema").GetProperty("$ref").GetString()!, StringComparison.Ordinal);
        }
    }

    private static bool AnswersFile(Type type)
    {
        if (type.IsGenericType && (type.GetGenericTypeDefinition() == typeof(Task<>) || type.GetGenericTypeDefinition() == typeof(ValueTask<>)))
        {
            return AnswersFile(type.GetGenericArguments()[0]);
        }

        return type == typeof(Microsoft.AspNetCore.Http.HttpResults.FileContentHttpResult) || type == typeof(Microsoft.AspNetCore.Http.HttpResults.FileStreamHttpResult)
            || (type.IsGenericType && type.GetGenericArguments().Any(AnswersFile));
    }

    // The route as the document writes it: {id:guid} becomes {id}.
    private static string Route(string pattern) =>
        System.Text.RegularExpressions.Regex.Replace("/" + pattern.TrimStart('/'), @"\{([^}:]+)(:[^}]+)?\}", "{$1}");
}
