package org.lumen.ai.infer;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.NoSuchFileException;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import ai.djl.ndarray.NDManager;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.lumen.ai.data.LabelledImages;
import org.lumen.ai.data.Preprocessing;
import org.lumen.ai.data.npz.NpzReader;
import org.lumen.ai.model.DjlClassifier;
import org.lumen.ai.net.Engines;
import org.lumen.dicom.testing.TestData;

class ModelServiceTest {
    private static List<float[]> images;
    private static NDManager manager;
    private static DjlClassifier network;

    @BeforeAll
    static void readImages() throws IOException {
        LabelledImages val = NpzReader.read(TestData.data("medmnist/pneumoniamnist.npz"), "val");
        Preprocessing unit = Preprocessing.unitScale(new int[] {28, 28}, 1);
        images = new ArrayList<>();
        for (int i = 0; i < 96; i++) {
            float[] image = val.image(i).clone();
            unit.normaliseInPlace(image);
            images.add(image);
        }
        manager = Engines.pytorch().newBaseManager();
        network = TestNetworks.small2d(manager, 28, 7);
    }

    @AfterAll
    static void closeNetwork() {
        network.close();
        manager.close();
    }

    @Test
    void concurrentSubmissionsGetWhatTheModelSaysForEachImageAlone() throws Exception {
        AtomicInteger loads = new AtomicInteger();
        ServiceOptions options = ServiceOptions.DEFAULTS.withMaxBatch(16).withMaxDelayMs(5);
        List<CompletableFuture<float[]>> answers = new ArrayList<>();
        ExecutorService clients = Executors.newFixedThreadPool(4);
        try (ModelService service = new ModelService(name -> {
            loads.incrementAndGet();
            return new Unclosable(network);
        }, options)) {
            List<Future<List<CompletableFuture<float[]>>>> perClient = new ArrayList<>();
            for (int client = 0; client < 4; client++) {
                int first = client * images.size() / 4;
                perClient.add(clients.submit(() -> {
                    List<CompletableFuture<float[]>> mine = new ArrayList<>();
                    for (int i = first; i < first + images.size() / 4; i++) {
                        mine.add(service.submit("net", images.get(i)));
                    }
                    return mine;
                }));
            }
            for (Future<List<CompletableFuture<float[]>>> f : perClient) {
                answers.addAll(f.get(30, TimeUnit.SECONDS));
            }
            for (int i = 0; i < images.size(); i++) {
                float[] alone = network.predict(List.of(images.get(i)))[0];
                // Equal up to float rounding: a batched convolution adds its terms in another order than a single one.
                assertThat(answers.get(i).get(30, TimeUnit.SECONDS)).as("image %d", i)
                        .containsExactly(alone, org.assertj.core.data.Offset.offset(1e-6f));
            }
            LatencyStats stats = service.stats("net");
            assertThat(stats.requests()).isEqualTo(images.size());
            assertThat(stats.batches()).isLessThan(images.size());
            assertThat(stats.p95Ms()).isGreaterThanOrEqualTo(stats.p50Ms()).isGreaterThan(0);
            assertThat(stats.throughputPerSec()).isPositive();
        } finally {
            clients.shutdownNow();
        }
        assertThat(loads).as("the model is loaded once").hasValue(1);
    }

    @Test
    void requestsThatWaitWhileTheModelIsBusyAreAnsweredInFullBatches() throws Exception {
        GatedClassifier model = new GatedClassifier(new Unclosable(network));
        try (ModelService service = new ModelService(name -> model, ServiceOptions.DEFAULTS.withMaxBatch(16))) {
            List<CompletableFuture<float[]>> answers = new ArrayList<>();
            answers.add(service.submit("net", images.get(0)));
            model.awaitFirstCall();
            for (int i = 1; i <= 40; i++) {
                answers.add(service.submit("net", images.get(i)));
            }
            model.open();
            for (CompletableFuture<float[]> answer : answers) {
                assertThat(answer.get(30, TimeUnit.SECONDS)).hasSize(2);
            }
            assertThat(model.batchSizes()).containsExactly(1, 16, 16, 8);
            assertThat(service.stats("net").batches()).isEqualTo(4);
            assertThat(service.stats("net").meanBatchSize()).isEqualTo(41 / 4.0);
        }
    }

    @Test
    void aFullQueueRefusesAtOnceAndKeepsWhatItAccepted() throws Exception {
        GatedClassifier model = new GatedClassifier(new Unclosable(network));
        try (ModelService service = new ModelService(name -> model, ServiceOptions.DEFAULTS.withQueueCapacity(4))) {
            List<CompletableFuture<float[]>> accepted = new ArrayList<>();
            accepted.add(service.submit("net", images.get(0)));
            model.awaitFirstCall();
            for (int i = 1; i <= 4; i++) {
                accepted.add(service.submit("net", images.get(i)));
            }
            CompletableFuture<float[]> refused = service.submit("net", images.get(5));
            assertThat(refused).isCompletedExceptionally();
            assertThatThrownBy(refused::join).isInstanceOf(CompletionException.class)
                    .hasCauseInstanceOf(ServiceOverloadedException.class)
                    .hasMessageContaining("model net has 4 requests waiting");
            assertThat(service.stats("net").rejected()).isEqualTo(1);
            model.open();
            for (CompletableFuture<float[]> answer : accepted) {
                assertThat(answer.get(30, TimeUnit.SECONDS)).hasSize(2);
            }
        }
    }

    @Test
    void closeAnswersEveryAcceptedRequestThenClosesTheModel() throws Exception {
        GatedClassifier model = new GatedClassifier(new Unclosable(network));
        ModelService service = new ModelService(name -> model, ServiceOptions.DEFAULTS.withMaxBatch(4));
        List<CompletableFuture<float[]>> accepted = new ArrayList<>();
        accepted.add(service.submit("net", images.get(0)));
        model.awaitFirstCall();
        for (int i = 1; i <= 10; i++) {
            accepted.add(service.submit("net", images.get(i)));
        }
        CompletableFuture<Void> closing = CompletableFuture.runAsync(service::close);
        CompletableFuture<float[]> late = awaitRefusal(service);
        assertThatThrownBy(late::join).hasCauseInstanceOf(IllegalStateException.class).hasMessageContaining("closed");
        assertThat(closing).as("close waits for the queued requests").isNotDone();
        model.open();
        closing.get(30, TimeUnit.SECONDS);
        for (CompletableFuture<float[]> answer : accepted) {
            assertThat(answer).isCompleted();
            assertThat(answer.join()).hasSize(2);
        }
        assertThat(model.batchSizes()).containsExactly(1, 4, 4, 2);
        assertThat(model.closes).hasValue(1);
    }

    @Test
    void aModelThatCannotBeLoadedFailsTheFutureWithTheReason() {
        try (ModelService service = new ModelService(name -> {
            throw new NoSuchFileException("/models/" + name + "/manifest.json");
        }, ServiceOptions.DEFAULTS)) {
            CompletableFuture<float[]> answer = service.submit("missing", images.get(0));
            assertThatThrownBy(answer::join).hasCauseInstanceOf(NoSuchFileException.class)
                    .hasMessageContaining("/models/missing/manifest.json");
        }
    }

    @Test
    void anImageOfTheWrongSizeIsAProgrammingError() {
        try (ModelService service = new ModelService(name -> new Unclosable(network), ServiceOptions.DEFAULTS)) {
            assertThatThrownBy(() -> service.submit("net", new float[27 * 27]))
                    .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("784 values");
        }
    }

    /** Waits until close() (running on another thread) has begun, then submits once. */
    private static CompletableFuture<float[]> awaitRefusal(ModelService service) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
        while (!service.isClosed()) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("close() never began");
            }
            Thread.sleep(5);
        }
        return service.submit("net", images.get(0));
    }
}
