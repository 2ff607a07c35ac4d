package org.memoscope.diffusion;

/**
 * The first few paired samples of a pair experiment at one N, in the normalised pixel
 * scale, with each sample's nearest training image of its own network (as an index into the
 * pool) and the cosines (mean removed). {@link PairExperiment#sampleGrid} turns them into a
 * displayable {@link org.memoscope.sim.SampleGrid}.
 *
 * @param firstSamples        A's samples, one per row
 * @param secondSamples       B's samples for the same noise
 * @param firstNearest        pool index of the training image of A nearest to each sample
 * @param secondNearest       likewise for B
 * @param firstNearestCosine  signed cosine of A's sample with it
 * @param secondNearestCosine likewise for B
 * @param sampleCosine        cos(A's sample, B's sample)
 */
public record PairGridRows(double[][] firstSamples, double[][] secondSamples,
                           int[] firstNearest, int[] secondNearest,
                           double[] firstNearestCosine, double[] secondNearestCosine,
                           double[] sampleCosine) {

    /** The number of rows. */
    public int size() {
        return firstSamples.length;
    }
}
