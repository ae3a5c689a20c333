import WasmBenchModel

/// The names and categories of the opcodes, written from the WebAssembly 3.0 specification's
/// binary-format index (and the threads proposal's for 0xFE): each table lists a range of
/// consecutive codes, an empty name marking a code no proposal uses.
enum OpcodeNames {
    /// The mnemonic of an opcode, or nil for an unused code.
    static func name(of opcode: Opcode) -> String? {
        let table: [UInt32: String]
        switch opcode.prefix {
        case nil: table = single
        case 0xFB: table = gc
        case 0xFC: table = misc
        case 0xFD: table = simd
        case 0xFE: table = threads
        default: return nil
        }
        return table[opcode.code]
    }

    /// The category of an opcode (``OpcodeCategory/other`` for an unused code).
    static func category(of opcode: Opcode) -> OpcodeCategory {
        let code = opcode.code
        switch opcode.prefix {
        case nil: return singleCategory(code)
        case 0xFC: return code <= 7 ? .conversion : code <= 11 ? .memory : .other
        case 0xFD: return .simd
        case 0xFE: return code == 3 ? .other : .memory
        default: return .other
        }
    }

    private static func singleCategory(_ code: UInt32) -> OpcodeCategory {
        switch code {
        case 0x10...0x15: return .calls
        case 0x00...0x0F, 0x18, 0x19, 0x1F, 0xD5, 0xD6: return .control
        case 0x20...0x24: return .variables
        case 0x28...0x40: return .memory
        case 0x41, 0x42, 0x45...0x5A, 0x67...0x8A: return .integer
        case 0x43, 0x44, 0x5B...0x66, 0x8B...0xA6: return .float
        case 0xA7...0xC4: return .conversion
        default: return .other
        }
    }

    /// Names from `start` on, consecutive; an empty name is an unused code.
    private static func run(_ start: UInt32, _ names: String) -> [UInt32: String] {
        var table: [UInt32: String] = [:]
        for (offset, name) in names.split(separator: " ", omittingEmptySubsequences: false).enumerated()
        where !name.isEmpty && name != "-" {
            table[start + UInt32(offset)] = String(name)
        }
        return table
    }

    private static func merged(_ tables: [[UInt32: String]]) -> [UInt32: String] {
        tables.reduce(into: [:]) { $0.merge($1) { first, _ in first } }
    }

    static let single = merged([
        run(
            0x00,
            "unreachable nop block loop if else try catch throw rethrow throw_ref end br br_if br_table return call "
                + "call_indirect return_call return_call_indirect call_ref return_call_ref - - delegate catch_all "
                + "drop select select_t - - try_table local.get local.set local.tee global.get global.set table.get "
                + "table.set"),
        run(
            0x28,
            "i32.load i64.load f32.load f64.load i32.load8_s i32.load8_u i32.load16_s i32.load16_u i64.load8_s "
                + "i64.load8_u i64.load16_s i64.load16_u i64.load32_s i64.load32_u i32.store i64.store f32.store "
                + "f64.store i32.store8 i32.store16 i64.store8 i64.store16 i64.store32 memory.size memory.grow "
                + "i32.const i64.const f32.const f64.const"),
        run(
            0x45,
            "i32.eqz i32.eq i32.ne i32.lt_s i32.lt_u i32.gt_s i32.gt_u i32.le_s i32.le_u i32.ge_s i32.ge_u "
                + "i64.eqz i64.eq i64.ne i64.lt_s i64.lt_u i64.gt_s i64.gt_u i64.le_s i64.le_u i64.ge_s i64.ge_u "
                + "f32.eq f32.ne f32.lt f32.gt f32.le f32.ge f64.eq f64.ne f64.lt f64.gt f64.le f64.ge"),
        run(
            0x67,
            "i32.clz i32.ctz i32.popcnt i32.add i32.sub i32.mul i32.div_s i32.div_u i32.rem_s i32.rem_u i32.and "
                + "i32.or i32.xor i32.shl i32.shr_s i32.shr_u i32.rotl i32.rotr i64.clz i64.ctz i64.popcnt i64.add "
                + "i64.sub i64.mul i64.div_s i64.div_u i64.rem_s i64.rem_u i64.and i64.or i64.xor i64.shl i64.shr_s "
                + "i64.shr_u i64.rotl i64.rotr"),
        run(
            0x8B,
            "f32.abs f32.neg f32.ceil f32.floor f32.trunc f32.nearest f32.sqrt f32.add f32.sub f32.mul f32.div "
                + "f32.min f32.max f32.copysign f64.abs f64.neg f64.ceil f64.floor f64.trunc f64.nearest f64.sqrt "
                + "f64.add f64.sub f64.mul f64.div f64.min f64.max f64.copysign"),
        run(
            0xA7,
            "i32.wrap_i64 i32.trunc_f32_s i32.trunc_f32_u i32.trunc_f64_s i32.trunc_f64_u i64.extend_i32_s "
                + "i64.extend_i32_u i64.trunc_f32_s i64.trunc_f32_u i64.trunc_f64_s i64.trunc_f64_u "
                + "f32.convert_i32_s f32.convert_i32_u f32.convert_i64_s f32.convert_i64_u f32.demote_f64 "
                + "f64.convert_i32_s f64.convert_i32_u f64.convert_i64_s f64.convert_i64_u f64.promote_f32 "
                + "i32.reinterpret_f32 i64.reinterpret_f64 f32.reinterpret_i32 f64.reinterpret_i64 i32.extend8_s "
                + "i32.extend16_s i64.extend8_s i64.extend16_s i64.extend32_s"),
        run(0xD0, "ref.null ref.is_null ref.func ref.eq ref.as_non_null br_on_null br_on_non_null"),
    ])

    static let misc = run(
        0,
        "i32.trunc_sat_f32_s i32.trunc_sat_f32_u i32.trunc_sat_f64_s i32.trunc_sat_f64_u i64.trunc_sat_f32_s "
            + "i64.trunc_sat_f32_u i64.trunc_sat_f64_s i64.trunc_sat_f64_u memory.init data.drop memory.copy "
            + "memory.fill table.init elem.drop table.copy table.grow table.size table.fill")

    static let gc = run(
        0,
        "struct.new struct.new_default struct.get struct.get_s struct.get_u struct.set array.new "
            + "array.new_default array.new_fixed array.new_data array.new_elem array.get array.get_s array.get_u "
            + "array.set array.len array.fill array.copy array.init_data array.init_elem ref.test ref.test_null "
            + "ref.cast ref.cast_null br_on_cast br_on_cast_fail any.convert_extern extern.convert_any ref.i31 "
            + "i31.get_s i31.get_u")

    static let threads: [UInt32: String] = {
        let widths = ["i32", "i64", "i32 8_u", "i32 16_u", "i64 8_u", "i64 16_u", "i64 32_u"]
        func rmw(_ operation: String) -> String {
            widths.map { width in
                let parts = width.split(separator: " ")
                return parts.count == 1
                    ? "\(parts[0]).atomic.rmw.\(operation)"
                    : "\(parts[0]).atomic.rmw\(parts[1].dropLast(2)).\(operation)_u"
            }.joined(separator: " ")
        }
        let operations = ["add", "sub", "and", "or", "xor", "xchg", "cmpxchg"].map(rmw).joined(separator: " ")
        return merged([
            run(0, "memory.atomic.notify memory.atomic.wait32 memory.atomic.wait64 atomic.fence"),
            run(
                0x10,
                "i32.atomic.load i64.atomic.load i32.atomic.load8_u i32.atomic.load16_u i64.atomic.load8_u "
                    + "i64.atomic.load16_u i64.atomic.load32_u i32.atomic.store i64.atomic.store i32.atomic.store8 "
                    + "i32.atomic.store16 i64.atomic.store8 i64.atomic.store16 i64.atomic.store32 " + operations),
        ])
    }()

    static let simd: [UInt32: String] = {
        func lanes(_ shape: String, _ names: String) -> String {
            names.split(separator: " ").map { $0 == "-" ? "-" : "\(shape).\($0)" }.joined(separator: " ")
        }
        let integerCompare = "eq ne lt_s lt_u gt_s gt_u le_s le_u ge_s ge_u"
        let floatCompare = "eq ne lt gt le ge"
        return merged([
            run(
                0,
                "v128.load v128.load8x8_s v128.load8x8_u v128.load16x4_s v128.load16x4_u v128.load32x2_s "
                    + "v128.load32x2_u v128.load8_splat v128.load16_splat v128.load32_splat v128.load64_splat "
                    + "v128.store v128.const i8x16.shuffle i8x16.swizzle i8x16.splat i16x8.splat i32x4.splat "
                    + "i64x2.splat f32x4.splat f64x2.splat i8x16.extract_lane_s i8x16.extract_lane_u "
                    + "i8x16.replace_lane i16x8.extract_lane_s i16x8.extract_lane_u i16x8.replace_lane "
                    + "i32x4.extract_lane i32x4.replace_lane i64x2.extract_lane i64x2.replace_lane "
                    + "f32x4.extract_lane f32x4.replace_lane f64x2.extract_lane f64x2.replace_lane "
                    + [("i8x16", integerCompare), ("i16x8", integerCompare), ("i32x4", integerCompare)]
                    .map(lanes).joined(separator: " ") + " " + lanes("f32x4", floatCompare) + " "
                    + lanes("f64x2", floatCompare)),
            run(
                77,
                "v128.not v128.and v128.andnot v128.or v128.xor v128.bitselect v128.any_true v128.load8_lane "
                    + "v128.load16_lane v128.load32_lane v128.load64_lane v128.store8_lane v128.store16_lane "
                    + "v128.store32_lane v128.store64_lane v128.load32_zero v128.load64_zero f32x4.demote_f64x2_zero "
                    + "f64x2.promote_low_f32x4"),
            run(
                96,
                "i8x16.abs i8x16.neg i8x16.popcnt i8x16.all_true i8x16.bitmask i8x16.narrow_i16x8_s "
                    + "i8x16.narrow_i16x8_u f32x4.ceil f32x4.floor f32x4.trunc f32x4.nearest i8x16.shl i8x16.shr_s "
                    + "i8x16.shr_u i8x16.add i8x16.add_sat_s i8x16.add_sat_u i8x16.sub i8x16.sub_sat_s "
                    + "i8x16.sub_sat_u f64x2.ceil f64x2.floor i8x16.min_s i8x16.min_u i8x16.max_s i8x16.max_u "
                    + "f64x2.trunc i8x16.avgr_u i16x8.extadd_pairwise_i8x16_s i16x8.extadd_pairwise_i8x16_u "
                    + "i32x4.extadd_pairwise_i16x8_s i32x4.extadd_pairwise_i16x8_u"),
            run(
                128,
                lanes(
                    "i16x8",
                    "abs neg q15mulr_sat_s all_true bitmask narrow_i32x4_s narrow_i32x4_u extend_low_i8x16_s "
                        + "extend_high_i8x16_s extend_low_i8x16_u extend_high_i8x16_u shl shr_s shr_u add add_sat_s "
                        + "add_sat_u sub sub_sat_s sub_sat_u - mul min_s min_u max_s max_u - avgr_u "
                        + "extmul_low_i8x16_s extmul_high_i8x16_s extmul_low_i8x16_u extmul_high_i8x16_u")),
            [148: "f64x2.nearest"],
            run(
                160,
                lanes(
                    "i32x4",
                    "abs neg - all_true bitmask - - extend_low_i16x8_s extend_high_i16x8_s extend_low_i16x8_u "
                        + "extend_high_i16x8_u shl shr_s shr_u add - - sub - - - mul min_s min_u max_s max_u "
                        + "dot_i16x8_s - extmul_low_i16x8_s extmul_high_i16x8_s extmul_low_i16x8_u "
                        + "extmul_high_i16x8_u")),
            run(
                192,
                lanes(
                    "i64x2",
                    "abs neg - all_true bitmask - - extend_low_i32x4_s extend_high_i32x4_s extend_low_i32x4_u "
                        + "extend_high_i32x4_u shl shr_s shr_u add - - sub - - - mul eq ne lt_s gt_s le_s ge_s "
                        + "extmul_low_i32x4_s extmul_high_i32x4_s extmul_low_i32x4_u extmul_high_i32x4_u")),
            run(224, lanes("f32x4", "abs neg - sqrt add sub mul div min max pmin pmax")),
            run(236, lanes("f64x2", "abs neg - sqrt add sub mul div min max pmin pmax")),
            run(
                248,
                "i32x4.trunc_sat_f32x4_s i32x4.trunc_sat_f32x4_u f32x4.convert_i32x4_s f32x4.convert_i32x4_u "
                    + "i32x4.trunc_sat_f64x2_s_zero i32x4.trunc_sat_f64x2_u_zero f64x2.convert_low_i32x4_s "
                    + "f64x2.convert_low_i32x4_u i8x16.relaxed_swizzle i32x4.relaxed_trunc_f32x4_s "
                    + "i32x4.relaxed_trunc_f32x4_u i32x4.relaxed_trunc_f64x2_s_zero i32x4.relaxed_trunc_f64x2_u_zero "
                    + "f32x4.relaxed_madd f32x4.relaxed_nmadd f64x2.relaxed_madd f64x2.relaxed_nmadd "
                    + "i8x16.relaxed_laneselect i16x8.relaxed_laneselect i32x4.relaxed_laneselect "
                    + "i64x2.relaxed_laneselect f32x4.relaxed_min f32x4.relaxed_max f64x2.relaxed_min "
                    + "f64x2.relaxed_max i16x8.relaxed_q15mulr_s i16x8.relaxed_dot_i8x16_i7x16_s "
                    + "i32x4.relaxed_dot_i8x16_i7x16_add_s"),
        ])
    }()
}
