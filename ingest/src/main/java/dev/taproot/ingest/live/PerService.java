package dev.taproot.ingest.live;

import java.util.List;
import java.util.function.Consumer;

/**
 * Runs one request per service: a service the backend refuses (a 4xx or 5xx other than a refused
 * login, an unreadable answer) is noted and the others go on; a refused login or a passed deadline
 * ends the fetch, since every other service would fail the same way; when every service failed the
 * first failure is thrown. At most {@link #MAX_SERVICES} services are asked, in the order given,
 * the rest noted.
 */
final class PerService {

    /** Services asked one by one at most: the neighbourhood of a symptom may name pods, nodes and more. */
    static final int MAX_SERVICES = 25;

    /** One service's request. */
    @FunctionalInterface
    interface Request {
        void run(String service) throws LiveSourceException;
    }

    private PerService() {
    }

    static void run(List<String> services, Consumer<String> note, Request request) throws LiveSourceException {
        LiveSourceException first = null;
        int failed = 0;
        if (services.size() > MAX_SERVICES) {
            note.accept("asked for the first " + MAX_SERVICES + " of " + services.size() + " names; the others were not asked");
            services = services.subList(0, MAX_SERVICES);
        }
        for (String service : services) {
            try {
                request.run(service);
            } catch (LiveSourceException e) {
                if (e.wholeSource()) {
                    throw e;
                }
                failed++;
                first = first == null ? e : first;
                note.accept(e.getMessage());
            }
        }
        if (failed > 0 && failed == services.size()) {
            throw first;
        }
    }
}
