import Testing
import WasmBenchStatistics

@Suite("Quantiles, median and MAD")
struct QuantileTests {
    @Test("Empty input, p outside [0, 1] and NaN give nil")
    func invalidInputs() {
        #expect(quantile([], 0.5) == nil)
        #expect(median([]) == nil)
        #expect(medianAbsoluteDeviation([]) == nil)
        #expect(quantile([1, 2, 3], -0.01) == nil)
        #expect(quantile([1, 2, 3], 1.01) == nil)
        #expect(quantile([1, 2, 3], .nan) == nil)
        #expect(median([1, .nan, 3]) == nil)
        #expect(medianAbsoluteDeviation([1, .nan, 3]) == nil)
    }

    @Test("A single element is every quantile, with MAD 0")
    func singleElement() {
        #expect(quantile([4.5], 0) == 4.5)
        #expect(quantile([4.5], 0.3) == 4.5)
        #expect(quantile([4.5], 1) == 4.5)
        #expect(median([4.5]) == 4.5)
        #expect(medianAbsoluteDeviation([4.5]) == 0)
    }

    @Test("Type-7 quantiles of unsorted input match numpy's linear method")
    func knownQuantiles() {
        // Expected: python3 -c 'import numpy as np; print(np.percentile([3,1,2],[0,25,50,75,100]))'
        // -> [1. 1.5 2. 2.5 3.]
        #expect([0, 0.25, 0.5, 0.75, 1].map { quantile([3, 1, 2], $0) } == [1, 1.5, 2, 2.5, 3])
        // Expected: python3 -c 'import numpy as np; print(np.percentile([4,1,3,2],
        // [0,10,25,50,90,100]))' -> [1. 1.3 1.75 2.5 3.7 4.]
        let xs: [Double] = [4, 1, 3, 2]
        #expect(quantile(xs, 0) == 1)
        #expect(isClose(quantile(xs, 0.1), 1.3))
        #expect(quantile(xs, 0.25) == 1.75)
        #expect(quantile(xs, 0.5) == 2.5)
        #expect(isClose(quantile(xs, 0.9), 3.7))
        #expect(quantile(xs, 1) == 4)
        // Expected: python3 -c 'import numpy as np; print(repr(np.percentile([2.5,-1.0,7.25,0.0,
        // 3.5],[33,50,66.6])))' -> array([0.8, 2.5, 3.164])
        let mixed: [Double] = [2.5, -1.0, 7.25, 0.0, 3.5]
        #expect(isClose(quantile(mixed, 0.33), 0.8))
        #expect(quantile(mixed, 0.5) == 2.5)
        #expect(isClose(quantile(mixed, 0.666), 3.164))
    }

    @Test("Medians of odd and even counts match numpy")
    func knownMedians() {
        // Expected: python3 -c 'import numpy as np; print(np.median([7.5,1.25,3,9,2]),
        // np.median([7.5,1.25,3,9,2,4]))' -> 3.0 3.5
        #expect(median([7.5, 1.25, 3, 9, 2]) == 3.0)
        #expect(median([7.5, 1.25, 3, 9, 2, 4]) == 3.5)
    }

    @Test("Unscaled MADs match scipy")
    func knownMADs() {
        // Expected: python3 -c 'import scipy.stats as st; f=st.median_abs_deviation;
        // print(f([7.5,1.25,3,9,2],scale=1), f([7.5,1.25,3,9,2,4],scale=1))' -> 1.75 1.875
        #expect(medianAbsoluteDeviation([7.5, 1.25, 3, 9, 2]) == 1.75)
        #expect(medianAbsoluteDeviation([7.5, 1.25, 3, 9, 2, 4]) == 1.875)
        // Expected: python3 -c 'import scipy.stats as st; print(st.median_abs_deviation(
        // [2.5,-1.0,7.25,0.0,3.5],scale=1))' -> 2.5
        #expect(medianAbsoluteDeviation([2.5, -1.0, 7.25, 0.0, 3.5]) == 2.5)
    }

    @Test("Infinities are ordered without producing NaN")
    func infinities() {
        #expect(median([.infinity, 1, .infinity]) == .infinity)
        #expect(quantile([-.infinity, 0, 1], 0) == -.infinity)
    }

    @Test("The normal consistency constant is 1/Φ⁻¹(3/4) to four decimals")
    func consistencyConstant() {
        // Expected: python3 -c 'import scipy.stats as st; print(1/st.norm.ppf(0.75))'
        // -> 1.482602218505602
        #expect(abs(madNormalConsistency - 1.482602218505602) < 5e-5)
    }
}
