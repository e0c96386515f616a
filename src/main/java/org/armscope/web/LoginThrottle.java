package org.armscope.web;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Slows password guessing: after {@code perUser} failed sign-ins for one user name, or
 * {@code perAddress} from one address (several people may share one), within {@code window},
 * further attempts are refused until the oldest failure leaves the window. A successful sign-in
 * clears the user name's failures.
 */
final class LoginThrottle {
    private final int perUser;
    private final int perAddress;
    private final Duration window;
    private final Map<String, Deque<Instant>> failures = new ConcurrentHashMap<>();

    LoginThrottle(int perUser, int perAddress, Duration window) {
        this.perUser = perUser;
        this.perAddress = perAddress;
        this.window = window;
    }

    /** Seconds to wait before trying again, or 0 when an attempt is allowed. */
    long waitSeconds(String user, String address) {
        return Math.max(wait("user:" + user, perUser), wait("addr:" + address, perAddress));
    }

    void failed(String user, String address) {
        add("user:" + user);
        add("addr:" + address);
    }

    void succeeded(String user) {
        failures.remove("user:" + user);
    }

    private long wait(String key, int limit) {
        Deque<Instant> d = failures.get(key);
        if (d == null) {
            return 0;
        }
        synchronized (d) {
            prune(d);
            if (d.size() < limit) {
                return 0;
            }
            return Math.max(1, Duration.between(Instant.now(), d.peekFirst().plus(window)).toSeconds());
        }
    }

    private void add(String key) {
        Deque<Instant> d = failures.computeIfAbsent(key, k -> new ArrayDeque<>());
        synchronized (d) {
            prune(d);
            d.addLast(Instant.now());
        }
        if (failures.size() > 100_000) {
            failures.entrySet().removeIf(e -> {
                synchronized (e.getValue()) {
                    prune(e.getValue());
                    return e.getValue().isEmpty();
                }
            });
        }
    }

    private void prune(Deque<Instant> d) {
        Instant since = Instant.now().minus(window);
        while (!d.isEmpty() && d.peekFirst().isBefore(since)) {
            d.removeFirst();
        }
    }
}
