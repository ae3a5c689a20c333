/// `/proc/cpuinfo` texts of real machines (trimmed to the fields wasmbench reads plus a few).
enum CPUInfoFixtures {
    /// The 2-core KVM guest wasmbench is developed on: AMD EPYC, family 25 model 17 (Genoa, Zen 4).
    static let epycGenoa = """
        processor\t: 0
        vendor_id\t: AuthenticAMD
        cpu family\t: 25
        model\t\t: 17
        model name\t: AMD EPYC
        stepping\t: 1
        microcode\t: 0x1000065
        cpu MHz\t\t: 2596.136
        siblings\t: 2
        core id\t\t: 0
        cpu cores\t: 2
        flags\t\t: fpu vme de pse tsc msr pae mce cx8 apic sep mtrr pge mca cmov pat pse36 clflush mmx fxsr sse sse2 ht syscall nx mmxext fxsr_opt pdpe1gb rdtscp lm constant_tsc rep_good nopl xtopology nonstop_tsc cpuid extd_apicid tsc_known_freq pni pclmulqdq ssse3 fma cx16 pcid sse4_1 sse4_2 x2apic movbe popcnt tsc_deadline_timer aes xsave avx f16c rdrand hypervisor lahf_lm cmp_legacy cr8_legacy abm sse4a misalignsse 3dnowprefetch osvw topoext cpuid_fault vmmcall fsgsbase tsc_adjust bmi1 avx2 smep bmi2 erms invpcid avx512f avx512dq rdseed adx smap avx512ifma clflushopt clwb avx512cd sha_ni avx512bw avx512vl xsaveopt xsavec xgetbv1 xsaves avx512_bf16 clzero xsaveerptr arat avx512vbmi umip avx512_vbmi2 gfni vaes vpclmulqdq avx512_vnni avx512_bitalg avx512_vpopcntdq rdpid fsrm
        bogomips\t: 5192.27

        processor\t: 1
        vendor_id\t: AuthenticAMD
        cpu family\t: 25
        model\t\t: 17
        model name\t: AMD EPYC
        stepping\t: 1

        """

    /// Another guest that also calls itself "AMD EPYC": family 23 model 49 (Rome, Zen 2), no AVX-512.
    static let epycRome = """
        processor\t: 0
        vendor_id\t: AuthenticAMD
        cpu family\t: 23
        model\t\t: 49
        model name\t: AMD EPYC
        stepping\t: 0
        microcode\t: 0x830107a
        siblings\t: 2
        cpu cores\t: 1
        flags\t\t: fpu vme de pse tsc msr pae mce cx8 apic sep mtrr pge mca cmov pat pse36 clflush mmx fxsr sse sse2 ht syscall nx mmxext fxsr_opt pdpe1gb rdtscp lm constant_tsc rep_good nopl nonstop_tsc cpuid extd_apicid tsc_known_freq pni pclmulqdq ssse3 fma cx16 sse4_1 sse4_2 x2apic movbe popcnt aes xsave avx f16c rdrand hypervisor lahf_lm cmp_legacy cr8_legacy abm sse4a misalignsse 3dnowprefetch osvw topoext ssbd ibrs ibpb stibp vmmcall fsgsbase tsc_adjust bmi1 avx2 smep bmi2 rdseed adx smap clflushopt clwb sha_ni xsaveopt xsavec xgetbv1 clzero xsaveerptr arat npt nrip_save umip rdpid

        """

    /// An Intel Xeon of model 85: the stepping tells Skylake-SP (4) from Cascade Lake (7).
    static func xeon(model: Int, stepping: Int) -> String {
        """
        processor\t: 0
        vendor_id\t: GenuineIntel
        cpu family\t: 6
        model\t\t: \(model)
        model name\t: Intel(R) Xeon(R) Platinum 8259CL CPU @ 2.50GHz
        stepping\t: \(stepping)
        microcode\t: 0x5003604
        siblings\t: 4
        cpu cores\t: 2
        flags\t\t: fpu sse2 ht pni ssse3 fma sse4_1 sse4_2 movbe popcnt aes avx f16c hypervisor abm bmi1 avx2 bmi2 avx512f avx512dq avx512cd avx512bw avx512vl avx512_vnni

        """
    }

    /// An AWS Graviton2 (Arm Neoverse N1): no model name, no vendor_id.
    static let graviton2 = """
        processor\t: 0
        BogoMIPS\t: 243.75
        Features\t: fp asimd evtstrm aes pmull sha1 sha2 crc32 atomics fphp asimdhp cpuid asimdrdm lrcpc dcpop asimddp ssbs
        CPU implementer\t: 0x41
        CPU architecture: 8
        CPU variant\t: 0x3
        CPU part\t: 0xd0c
        CPU revision\t: 1

        processor\t: 1
        CPU part\t: 0xd0d

        """
}
