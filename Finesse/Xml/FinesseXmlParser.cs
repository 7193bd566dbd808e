using System.Xml.Linq;
using SiebelCti.Finesse.Model;

namespace SiebelCti.Finesse.Xml;

/// <summary>
/// Parses Finesse REST documents into the model. Hand-written over <see cref="System.Xml.XmlReader"/>
/// (AOT-safe). Refuses DTDs, oversized and over-deep documents and wrong roots with
/// <see cref="FinesseXmlException"/>; element names match case-insensitively in any order; unknown
/// elements are ignored.
/// </summary>
public static class FinesseXmlParser
{
    public static User ParseUser(string xml, FinesseXmlLimits? limits = null) =>
        UserXml.Read(Root(SafeXml.Load(xml, limits ?? FinesseXmlLimits.Default), "User"));

    public static Dialog ParseDialog(string xml, FinesseXmlLimits? limits = null) =>
        DialogXml.Read(Root(SafeXml.Load(xml, limits ?? FinesseXmlLimits.Default), "Dialog"));

    public static IReadOnlyList<Dialog> ParseDialogs(string xml, FinesseXmlLimits? limits = null) =>
        DialogXml.ReadList(Root(SafeXml.Load(xml, limits ?? FinesseXmlLimits.Default), "Dialogs"));

    public static SystemInfo ParseSystemInfo(string xml, FinesseXmlLimits? limits = null) =>
        SystemInfoXml.Read(Root(SafeXml.Load(xml, limits ?? FinesseXmlLimits.Default), "SystemInfo"));

    public static IReadOnlyList<ApiError> ParseApiErrors(string xml, FinesseXmlLimits? limits = null) =>
        ApiErrorXml.ReadList(Root(SafeXml.Load(xml, limits ?? FinesseXmlLimits.Default), "ApiErrors"));

    public static ReasonCodeList ParseReasonCodes(string xml, FinesseXmlLimits? limits = null) =>
        ReasonCodeXml.ReadList(Root(SafeXml.Load(xml, limits ?? FinesseXmlLimits.Default), "ReasonCodes"));

    public static ReasonCode ParseReasonCode(string xml, FinesseXmlLimits? limits = null) =>
        ReasonCodeXml.Read(Root(SafeXml.Load(xml, limits ?? FinesseXmlLimits.Default), "ReasonCode"));

    public static IReadOnlyList<WrapUpReason> ParseWrapUpReasons(string xml, FinesseXmlLimits? limits = null) =>
        Root(SafeXml.Load(xml, limits ?? FinesseXmlLimits.Default), "WrapUpReasons")
            .ChildrenNamed("WrapUpReason").Select(ReasonCodeXml.ReadWrapUp).ToArray();

    public static Team ParseTeam(string xml, FinesseXmlLimits? limits = null) =>
        TeamXml.Read(Root(SafeXml.Load(xml, limits ?? FinesseXmlLimits.Default), "Team"));

    internal static XElement Root(XElement root, string expected) =>
        root.Is(expected) ? root : throw XmlRead.UnexpectedRoot(root, expected);
}
