using Detection.Generator.Events;
using Detection.Generator.Records;

namespace Detection.Generator.Scenarios;

/// <summary>Runs every scenario on a day and labels each from the events it actually emitted.</summary>
internal static class ScenarioRunner
{
    public static List<ScenarioLabel> Run(DayContext day, IEnumerable<IScenario> scenarios)
    {
        var labels = new List<ScenarioLabel>();
        foreach (var scenario in scenarios)
        {
            var emitted = new List<LogEvent>();
            var entities = new ScenarioEntities();
            scenario.Inject(day.Observed(emitted.Add), entities);
            if (emitted.Count == 0) continue;
            var rows = emitted.GroupBy(Categories.TableOf).Select(g => new KeyValuePair<string, int>(g.Key, g.Count())).ToList();
            var categories = emitted.Select(e => e is FlowTuple f
                    ? (f.Vm.FlowLog.Kind == World.FlowLogKind.NsgV2 ? Categories.NsgFlowEvent : Categories.VnetFlowEvent)
                    : Categories.Of(e)!)
                .Distinct().ToList();
            labels.Add(new ScenarioLabel(
                $"{day.DayStart:yyyy-MM-dd}/{scenario.Name}",
                scenario.Name,
                scenario.Description,
                scenario.Techniques,
                emitted.Min(e => e.Time),
                emitted.Max(e => e.Time),
                rows.Select(r => r.Key).ToList(),
                categories,
                rows,
                entities));
        }
        return labels;
    }
}
