namespace Fazhi.Web.Platform.Notifications;

/// <summary>
/// The text of one kind of message, in zh-CN and en, with <c>{name}</c> placeholders filled from the
/// message's values when it is sent. Keyed by module, e.g. <c>services.accepted</c>.
/// </summary>
public sealed record MessageTemplate(string Key, string Zh, string En);
