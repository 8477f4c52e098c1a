package org.pledgepad.server.history;

import java.util.List;
import java.util.Optional;
import org.pledgepad.history.Checkpoint;
import org.pledgepad.history.ErasureRecord;
import org.pledgepad.history.LogRow;
import org.pledgepad.history.StoredSnapshot;

/**
 * A document's log as one read transaction sees it (see {@link HistoryDb#readLog}); the rows and
 * the snapshots are read lazily, in seq order, while that transaction is open. Each iteration of
 * {@code rows} reads the log again from its start (the same rows: the transaction's view).
 */
public record LogState(Optional<HistoryDb.Head> head, Iterable<LogRow> rows, List<Checkpoint> checkpoints,
                       Iterable<StoredSnapshot> snapshots, List<ErasureRecord> erasures) {}
