namespace SiebelCti.OpenWire;

/// <summary>How a session's consumers acknowledge messages.</summary>
public enum AcknowledgeMode
{
    /// <summary>A message is acknowledged when the application takes it from the consumer.</summary>
    Auto,

    /// <summary>The application acknowledges with <see cref="OpenWireConsumer.AcknowledgeAsync"/>.</summary>
    Client,
}
