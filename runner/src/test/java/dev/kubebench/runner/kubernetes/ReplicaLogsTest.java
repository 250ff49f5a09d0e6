package dev.kubebench.runner.kubernetes;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.kubebench.runner.ProgressListener;
import dev.kubebench.runner.Timeline;
import io.fabric8.kubernetes.api.model.ContainerBuilder;
import io.fabric8.kubernetes.api.model.ContainerStatusBuilder;
import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.api.model.PodBuilder;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.server.mock.KubernetesMockServer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

@ExtendWith(MockApiServerExtension.class)
class ReplicaLogsTest {
    KubernetesMockServer server;
    KubernetesClient client;

    @TempDir
    Path dir;

    /**
     * The trial's end closes the logs while a stream is handing lines over: closing took the logs' lock and then
     * the file's, the stream held the file's and wanted the logs' lock for its next line, and the trial's thread
     * hung for good. Here the first line's callback waits until close() is under way; the second line of the same
     * chunk then arrives while close() runs.
     */
    @Test
    void closingWhileAStreamHandsOverLinesDoesNotDeadlock() throws Exception {
        server.expect().get().withPath(OperatorSimulator.logPath("p-0", "main"))
                .andReturn(200, "first\nsecond\n").once();
        CountDownLatch inCallback = new CountDownLatch(1);
        CountDownLatch release = new CountDownLatch(1);
        ProgressListener progress = new ProgressListener() {
            @Override
            public void logLine(String replica, String line) {
                if (line.equals("first")) {
                    inCallback.countDown();
                    try {
                        release.await(10, TimeUnit.SECONDS);
                    } catch (InterruptedException e) {
                        Thread.currentThread().interrupt();
                    }
                }
            }
        };
        ReplicaLogs logs = new ReplicaLogs(client, "test", dir.resolve("logs"), Timeline.open(dir, Clock.systemUTC()),
                progress, Clock.systemUTC(), new ApiRetry(Duration.ofSeconds(1), Duration.ofMillis(50),
                        new RetryAfterHints()));
        logs.observe(runningPod());
        assertTrue(inCallback.await(10, TimeUnit.SECONDS), "the stream's first line arrived");
        Thread closing = new Thread(logs::close, "closing");
        closing.start();
        for (int i = 0; i < 200 && closing.getState() == Thread.State.RUNNABLE; i++) {
            Thread.sleep(10);
        }
        release.countDown();
        closing.join(TimeUnit.SECONDS.toMillis(10));
        assertTrue(!closing.isAlive(), "close() returned; its thread is " + closing.getState());
        assertEquals("first\nsecond\n", Files.readString(dir.resolve("logs/p-0.log")));
    }

    private static Pod runningPod() {
        return new PodBuilder().withNewMetadata().withName("p-0").withNamespace("test").withUid("u-1").endMetadata()
                .withNewSpec().withContainers(new ContainerBuilder().withName("main").build()).endSpec()
                .withNewStatus().withPhase("Running").withContainerStatuses(new ContainerStatusBuilder()
                        .withName("main").withRestartCount(0).withNewState().withNewRunning().endRunning().endState()
                        .build()).endStatus().build();
    }
}
