package dev.taproot.graph.embedded;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.lang.reflect.Proxy;
import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.Test;
import org.neo4j.graphdb.GraphDatabaseService;
import org.neo4j.graphdb.Transaction;
import org.neo4j.graphdb.TransientTransactionFailureException;

/** An embedded read that meets a concurrent write is retried in a fresh transaction, a bounded number of times. */
class EmbeddedReadTransactionsTest {

    private final AtomicInteger begun = new AtomicInteger();
    private final AtomicInteger closed = new AtomicInteger();

    @Test
    void aReadThatReadOutdatedDataIsRetriedInANewTransaction() {
        var calls = new AtomicInteger();
        String answer = EmbeddedReadTransactions.read(database(), tx -> {
            if (calls.incrementAndGet() < 3) {
                throw TransientTransactionFailureException.outdatedRead();
            }
            return "read";
        });
        assertThat(answer).isEqualTo("read");
        assertThat(calls).hasValue(3);
        assertThat(begun).hasValue(3);
        assertThat(closed).hasValue(3);
    }

    @Test
    void aReadThatKeepsFailingGivesUpAfterTheLastAttempt() {
        var calls = new AtomicInteger();
        assertThatThrownBy(() -> EmbeddedReadTransactions.read(database(), tx -> {
            calls.incrementAndGet();
            throw TransientTransactionFailureException.outdatedRead();
        })).isInstanceOf(TransientTransactionFailureException.class);
        assertThat(calls).hasValue(EmbeddedReadTransactions.MAX_ATTEMPTS);
        assertThat(closed).hasValue(EmbeddedReadTransactions.MAX_ATTEMPTS);
    }

    @Test
    void otherFailuresAreNotRetried() {
        var calls = new AtomicInteger();
        assertThatThrownBy(() -> EmbeddedReadTransactions.read(database(), tx -> {
            calls.incrementAndGet();
            throw new IllegalStateException("not transient");
        })).hasMessage("not transient");
        assertThat(calls).hasValue(1);
    }

    /** A database whose transactions only count how often they are begun and closed. */
    private GraphDatabaseService database() {
        Transaction tx = (Transaction) Proxy.newProxyInstance(getClass().getClassLoader(), new Class<?>[] {Transaction.class},
                (proxy, method, args) -> {
                    if (method.getName().equals("close")) {
                        closed.incrementAndGet();
                    }
                    return null;
                });
        return (GraphDatabaseService) Proxy.newProxyInstance(getClass().getClassLoader(),
                new Class<?>[] {GraphDatabaseService.class}, (proxy, method, args) -> {
                    if (method.getName().equals("beginTx")) {
                        begun.incrementAndGet();
                        return tx;
                    }
                    throw new UnsupportedOperationException(method.getName());
                });
    }
}
