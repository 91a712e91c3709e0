namespace Wbpm.Domain;

/// <summary>Marker for the domain assembly (used by architecture tests and assembly scanning).</summary>
public static class DomainAssembly;
