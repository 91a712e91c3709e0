using System.Xml.Linq;

namespace Wbpm.Domain.Modeling.Reading;

/// <summary>Reads standardLoopCharacteristics / multiInstanceLoopCharacteristics (section 10.3.8).</summary>
internal static class LoopCharacteristicsReader
{
    public static LoopCharacteristics? Read(XElement activity)
    {
        if (activity.Child("standardLoopCharacteristics") is { } standard)
        {
            return new StandardLoopCharacteristics
            {
                Id = standard.Attr("id"),
                Source = standard,
                LoopCondition = standard.ChildText("loopCondition"),
                TestBefore = standard.Bool("testBefore", false),
                LoopMaximum = standard.Attr("loopMaximum"),
            };
        }
        if (activity.Child("multiInstanceLoopCharacteristics") is not { } mi) return null;
        return new MultiInstanceLoopCharacteristics
        {
            Id = mi.Attr("id"),
            Source = mi,
            IsSequential = mi.Bool("isSequential", false),
            LoopCardinality = mi.ChildText("loopCardinality"),
            Collection = mi.Extension("collection"),
            ElementVariable = mi.Extension("elementVariable"),
            CompletionCondition = mi.ChildText("completionCondition"),
            LoopDataInputRef = mi.ChildText("loopDataInputRef"),
            InputDataItemName = mi.Child("inputDataItem")?.Attr("name") ?? mi.Child("inputDataItem")?.Attr("id"),
            LoopDataOutputRef = mi.ChildText("loopDataOutputRef"),
            OutputDataItemName = mi.Child("outputDataItem")?.Attr("name") ?? mi.Child("outputDataItem")?.Attr("id"),
        };
    }
}
