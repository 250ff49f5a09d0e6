package dev.kubebench.runner.kubernetes;

import dev.kubebench.core.error.Failure;
import dev.kubebench.core.error.KubebenchException;
import io.fabric8.kubernetes.client.KubernetesClientException;

/** Turns API failures into one-line messages that name the server, verb and resource involved. */
final class ApiErrors {
    private ApiErrors() {
    }

    /** True for 401 and 403: retrying will not help. */
    static boolean isPermanent(Throwable t) {
        int code = code(t);
        return code == 401 || code == 403;
    }

    /** The HTTP status of a (possibly wrapped) client exception, 0 when there was no response. */
    static int code(Throwable t) {
        for (Throwable c = t; c != null; c = c.getCause()) {
            if (c instanceof KubernetesClientException && ((KubernetesClientException) c).getCode() > 0) {
                return ((KubernetesClientException) c).getCode();
            }
            if (c.getCause() == c) {
                break;
            }
        }
        return 0;
    }

    /**
     * A one-line description of a failed call.
     *
     * @param server   the API server URL
     * @param verb     what kubebench tried, e.g. {@code create}
     * @param resource the resource, e.g. {@code pytorchjobs.kubeflow.org}
     * @param namespace the namespace, or null for cluster-scoped
     */
    static String describe(Throwable t, String server, String verb, String resource, String namespace) {
        int code = code(t);
        String where = namespace == null ? "" : " in namespace " + namespace;
        String detail = statusMessage(t);
        if (webhookDenied(t)) {
            // a validating webhook answers 400 or 403 (often 403); it is not RBAC, and its message is the reason
            return "an admission webhook denied the " + verb + " of " + resource + where + " (" + code + "): "
                    + detail;
        }
        switch (code) {
            case 0:
                return "cannot reach the Kubernetes API at " + server + ": " + detail;
            case 401:
                return "not authenticated to the Kubernetes API at " + server
                        + " (401 Unauthorized): check the kubeconfig credentials or refresh the token";
            case 403:
                return "forbidden: missing permission to " + verb + " " + resource + where + " (403): " + detail;
            case 404:
                return "not found: " + resource + where + " (404): " + detail;
            case 429:
                return "throttled by the Kubernetes API at " + server + " (429) on " + verb + " " + resource + where
                        + ": " + detail;
            default:
                return "Kubernetes API error " + code + " on " + verb + " " + resource + where + ": " + detail;
        }
    }

    /** True when an admission webhook refused the request ({@code admission webhook "..." denied the request}). */
    static boolean webhookDenied(Throwable t) {
        String message = statusMessage(t);
        return message.contains("admission webhook") && message.contains("denied the request");
    }

    static KubebenchException infrastructure(Throwable t, String server, String verb, String resource,
                                             String namespace) {
        return new KubebenchException(Failure.INFRASTRUCTURE, describe(t, server, verb, resource, namespace), t);
    }

    private static String statusMessage(Throwable t) {
        for (Throwable c = t; c != null; c = c.getCause()) {
            if (c instanceof KubernetesClientException) {
                KubernetesClientException k = (KubernetesClientException) c;
                if (k.getStatus() != null && k.getStatus().getMessage() != null) {
                    return k.getStatus().getMessage().replaceAll("\\s+", " ").trim();
                }
            }
            if (c.getCause() == c) {
                break;
            }
        }
        return KubernetesClients.oneLine(t);
    }
}
