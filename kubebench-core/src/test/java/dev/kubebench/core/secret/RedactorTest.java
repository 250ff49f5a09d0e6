package dev.kubebench.core.secret;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class RedactorTest {

    @Test
    void namesLookSecretByTheirParts() {
        for (String name : List.of("HF_TOKEN", "AWS_SECRET_ACCESS_KEY", "WANDB_API_KEY", "DB_PASSWORD", "PGPASSWORD", "GHTOKEN",
                "apiKey", "hfToken", "token", "db.password", "GITHUB_AUTH", "SSH_PRIVATE_KEY", "GCP_CREDENTIALS",
                "x-api-key")) {
            assertTrue(Redactor.secretName(name), name);
        }
        for (String name : List.of("KEYBOARD_LAYOUT", "MAX_TOKENS", "monkey", "NCCL_DEBUG", "TOKENIZER", "workers",
                "batchSize", "PATH", "AUTHOR")) {
            assertFalse(Redactor.secretName(name), name);
        }
        assertFalse(Redactor.secretName(null));
    }

    @Test
    void everyOccurrenceAndItsEscapedFormsAreMasked() {
        Redactor r = Redactor.of(List.of("hf_abc\"123", "s3cr3t-value"));
        assertEquals("token *** and *** and ***", r.redact("token hf_abc\"123 and hf_abc\\\"123 and hf_abc&quot;123"));
        assertEquals("x=*** y=***", r.redact("x=s3cr3t-value y=s3cr3t-value"));
        assertEquals("nothing here", r.redact("nothing here"));
        assertEquals(null, r.redact(null));
    }

    @Test
    void theLongestSecretIsMaskedWhole() {
        Redactor r = Redactor.of(List.of("abcd", "abcdefgh"));
        assertEquals("[***]", r.redact("[abcdefgh]"));
    }

    @Test
    void shortAndBlankValuesAreNotSearchedInFreeText() {
        Redactor r = Redactor.of(java.util.Arrays.asList("1", "ab", "   ", null));
        assertTrue(r.isEmpty());
        assertEquals("trial 1 ab", r.redact("trial 1 ab"));
        assertTrue(Redactor.NONE.isEmpty());
    }

    @Test
    void treesMaskSecretLookingEnvAndParametersWhateverTheirLength() {
        Map<String, Object> env = new LinkedHashMap<>();
        env.put("HF_TOKEN", "x");
        env.put("NCCL_DEBUG", "WARN");
        env.put("API_KEY", Map.of("valueFrom", Map.of("secretKeyRef", Map.of("name", "s", "key", "token"))));
        Map<String, Object> parameters = new LinkedHashMap<>();
        parameters.put("token", 42);
        parameters.put("workers", 2);
        Map<String, Object> tolerations = Map.of("key", "nvidia.com/gpu");
        Map<String, Object> container = new LinkedHashMap<>();
        container.put("args", List.of("--token", "hf_longsecret"));
        container.put("env", List.of(Map.of("name", "DB_PASSWORD", "value", "pw"), Map.of("name", "RANK", "value", "0")));
        Map<String, Object> tree = new LinkedHashMap<>();
        tree.put("env", env);
        tree.put("parameters", parameters);
        tree.put("toleration", tolerations);
        tree.put("container", container);

        Object out = Redactor.of(List.of("hf_longsecret")).redactTree(tree);

        Map<String, Object> expectedEnv = new LinkedHashMap<>(env);
        expectedEnv.put("HF_TOKEN", Redactor.MASK);
        Map<String, Object> expected = new LinkedHashMap<>();
        expected.put("env", expectedEnv);
        expected.put("parameters", Map.of("token", Redactor.MASK, "workers", 2));
        expected.put("toleration", tolerations);
        expected.put("container", Map.of("args", List.of("--token", Redactor.MASK),
                "env", List.of(Map.of("name", "DB_PASSWORD", "value", Redactor.MASK),
                        Map.of("name", "RANK", "value", "0"))));
        assertEquals(expected, out);
        assertEquals("x", env.get("HF_TOKEN"), "the input is not changed");
    }

    @Test
    void plusAddsSecrets() {
        Redactor r = Redactor.of(List.of("first-secret")).plus(List.of("second-secret"));
        assertEquals("*** ***", r.redact("first-secret second-secret"));
    }
}
