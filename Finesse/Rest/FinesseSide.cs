namespace SiebelCti.Finesse.Rest;

/// <summary>The two Finesse nodes of a pair.</summary>
public enum FinesseSide
{
    A,
    B,
}

/// <summary>How the Finesse server certificate is trusted.</summary>
public enum FinesseTrustMode
{
    /// <summary>The operating system's trust store and host-name check (production default).</summary>
    System,
    /// <summary>Only chains ending at the CA certificate(s) in <see cref="FinesseOptions.CaCertificatePath"/> (PEM or DER); host name still checked.</summary>
    CaFile,
    /// <summary>
    /// Tests and labs only: also accepts a self-signed server certificate (subject equals issuer) whose
    /// host name matches. Anything else untrusted is still refused.
    /// </summary>
    AllowSelfSigned,
}
