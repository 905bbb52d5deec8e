package dev.taproot.graph.store;

/**
 * A large batch was written in several transactions and one failed: the first {@code committed} of
 * {@code transactions} are stored, the rest are not. Writing the same batch again under the same
 * {@code batchId} resumes after the committed ones; every write is an upsert by key, so no record is
 * ever stored twice.
 */
public final class PartialWriteException extends RuntimeException {

    private final String batchId;
    private final int committed;
    private final int transactions;

    public PartialWriteException(String batchId, int committed, int transactions, Throwable cause) {
        super("batch " + batchId + ": " + committed + " of " + transactions + " transactions stored before the store failed ("
                + ErrorMessages.describe(cause).lines().findFirst().orElse("")
                + "); send the same request again to resume", cause);
        this.batchId = batchId;
        this.committed = committed;
        this.transactions = transactions;
    }

    public String batchId() {
        return batchId;
    }

    public int committed() {
        return committed;
    }

    public int transactions() {
        return transactions;
    }
}
