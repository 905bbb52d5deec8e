package dev.taproot.api.config;

import java.util.Locale;

/**
 * What a notification says. A diagnosis whose top cause is a deploy or configuration change is both
 * {@link #DIAGNOSIS} and {@link #DEPLOY_CAUSED}: a route for either kind receives it.
 */
public enum NotificationKind {
    /** An incident was diagnosed. */
    DIAGNOSIS,
    /** The most likely cause is a deploy or configuration change. */
    DEPLOY_CAUSED,
    /** The alert group (every group of the failure) resolved. */
    RESOLVED;

    /** The name in the configuration: {@code diagnosis}, {@code deploy-caused}, {@code resolved}. */
    public String id() {
        return name().toLowerCase(Locale.ROOT).replace('_', '-');
    }

    /** The kind named {@code id}; throws {@link IllegalArgumentException} naming the choices. */
    public static NotificationKind of(String id) {
        for (NotificationKind k : values()) {
            if (k.id().equals(id.strip())) {
                return k;
            }
        }
        throw new IllegalArgumentException("must be one of diagnosis, deploy-caused, resolved, was '" + id + "'");
    }
}
