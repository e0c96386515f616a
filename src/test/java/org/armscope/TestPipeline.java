package org.armscope;

import org.armscope.pipeline.Pipeline;

/** One pipeline for the whole test run: building the dictionaries and knowledge base takes a few seconds. */
public final class TestPipeline {
    private static Pipeline pipeline;

    private TestPipeline() {
    }

    public static synchronized Pipeline get() {
        if (pipeline == null) {
            pipeline = Pipeline.standard(null);
        }
        return pipeline;
    }
}
