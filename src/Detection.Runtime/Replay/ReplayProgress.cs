namespace Detection.Runtime.Replay;

/// <summary>How far a replay has come: the event time reached, the share of the range done, rows fed so far.</summary>
public sealed record ReplayProgress(DateTime Time, double Fraction, long RowsFed);
