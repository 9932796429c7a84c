package org.lumen.ai.net;

import ai.djl.engine.Engine;

/**
 * The one way in to DJL's PyTorch engine: never go on line (no model zoo, no library download, no usage tracking), then
 * load the engine from the native jar on the class path. Call before any other DJL use.
 */
public final class Engines {
    private Engines() {
    }

    public static synchronized Engine pytorch() {
        if (System.getProperty("ai.djl.offline") == null) {
            System.setProperty("ai.djl.offline", "true");
        }
        if (System.getProperty("OPT_OUT_TRACKING") == null) {
            System.setProperty("OPT_OUT_TRACKING", "true");
        }
        return Engine.getEngine("PyTorch");
    }

    /** Sets PyTorch's intra-op thread count for this process (after {@link #pytorch()}); 0 leaves it as it is. */
    public static void setThreads(int threads) {
        if (threads > 0) {
            pytorch();
            ai.djl.pytorch.jni.JniUtils.setNumThreads(threads);
        }
    }
}
