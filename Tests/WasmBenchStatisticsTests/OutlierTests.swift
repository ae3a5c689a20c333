import Testing
import WasmBenchStatistics

@Suite("Modified z-score outliers")
struct OutlierTests {
    @Test("The planted outlier is found")
    func plantedOutlier() {
        // Expected: python3 -c 'import numpy as np, scipy.stats as st; x=np.array([10.0,10.2,9.9,
        // 10.1,10.0,9.8,10.3,25.0]); m=np.median(x); d=st.median_abs_deviation(x,scale=1);
        // print(np.flatnonzero(abs(0.6745*(x-m)/d)>3.5))' -> [7] (score 67.2; others ≤ 1.13)
        #expect(modifiedZScoreOutliers([10.0, 10.2, 9.9, 10.1, 10.0, 9.8, 10.3, 25.0]) == [7])
    }

    @Test("Outliers on both sides are reported in index order")
    func bothSides() {
        // Expected: same one-liner with x=[1,2,3,4,100,-100] -> median 2.5, MAD 1.5, [4 5]
        #expect(modifiedZScoreOutliers([1, 2, 3, 4, 100, -100]) == [4, 5])
    }

    @Test("A lower threshold reports more values")
    func threshold() {
        // Scores from the planted-outlier one-liner: |−1.124| and |1.124| exceed 1.0.
        let xs = [10.0, 10.2, 9.9, 10.1, 10.0, 9.8, 10.3, 25.0]
        #expect(modifiedZScoreOutliers(xs, threshold: 1.0) == [5, 6, 7])
    }

    @Test("Empty input, NaN and a zero MAD report nothing")
    func nothingReported() {
        #expect(modifiedZScoreOutliers([]).isEmpty)
        #expect(modifiedZScoreOutliers([1, .nan, 2]).isEmpty)
        // More than half the values are equal, so the MAD is 0 and the score is undefined.
        #expect(modifiedZScoreOutliers([5, 5, 5, 5, 1000]).isEmpty)
    }
}
