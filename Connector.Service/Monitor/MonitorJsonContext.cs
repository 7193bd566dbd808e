using System.Text.Json;
using System.Text.Json.Serialization;
using SiebelCti.Connector.Engine.Monitoring;

namespace SiebelCti.Connector.Service.Monitor;

/// <summary>Source-generated JSON for the monitor API (camelCase, no reflection).</summary>
[JsonSourceGenerationOptions(JsonSerializerDefaults.Web, WriteIndented = false)]
[JsonSerializable(typeof(ConnectorSnapshot))]
[JsonSerializable(typeof(LoginRequest))]
[JsonSerializable(typeof(SessionInfo))]
[JsonSerializable(typeof(ApiError))]
internal sealed partial class MonitorJsonContext : JsonSerializerContext;

/// <summary>Body of <c>POST /api/monitor/login</c>.</summary>
internal sealed record LoginRequest(string? User, string? Password);

/// <summary>Answer of <c>GET /api/monitor/session</c> and of a successful login.</summary>
internal sealed record SessionInfo(string User);

/// <summary>Body of every API error answer.</summary>
internal sealed record ApiError(string Code, string Message);
