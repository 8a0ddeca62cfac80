using Detection.Evaluation.Aggregates;

namespace Detection.Evaluation.Operators;

internal static partial class SummarizeOperator
{
    /// <summary>
    /// One aggregate's state for every group in arrays indexed by group, kept aside from the groups' aggregate objects
    /// while chunks are added: a row then touches one array element, not three objects scattered over the heap (with tens
    /// of thousands of groups, each a cache miss). <see cref="Flush"/> hands the state to the aggregates.
    /// </summary>
    internal abstract class GroupArrays
    {
        /// <summary>Hands each group's state to its aggregate (index <paramref name="a"/> of the group's states) and forgets it.</summary>
        public abstract void Flush(List<AggregateState[]> groupStates, int a);
    }

    /// <summary><c>count()</c> and <c>countif()</c>: each group's counted rows so far.</summary>
    internal sealed class GroupCounts : GroupArrays
    {
        private long[] _counts = new long[64];

        public void Add(int group, long rows)
        {
            if (group >= _counts.Length) Array.Resize(ref _counts, Math.Max(group + 1, _counts.Length * 2));
            _counts[group] += rows;
        }

        public override void Flush(List<AggregateState[]> groupStates, int a)
        {
            for (var group = 0; group < _counts.Length; group++)
            {
                if (_counts[group] == 0) continue;
                ((AggregateFunctions.Tally)groupStates[group][a]).AddRows(_counts[group]);
                _counts[group] = 0;
            }
        }
    }
}
