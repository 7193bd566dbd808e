namespace SiebelCti.Finesse.Rest;

/// <summary>The two Finesse nodes of a pair.</summary>
public enum FinesseSide
{
    A,
    B,
}
