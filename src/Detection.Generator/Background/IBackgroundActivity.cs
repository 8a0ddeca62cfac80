using Detection.Generator.Events;

namespace Detection.Generator.Background;

/// <summary>One strand of benign activity. Emits one UTC day's events (and may spill into the next day).</summary>
internal interface IBackgroundActivity
{
    void Generate(DayContext day);
}
