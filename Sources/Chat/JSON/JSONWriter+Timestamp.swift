extension JSONWriter {
    /// Writes `milliseconds` since the Unix epoch as an ISO 8601 UTC string with milliseconds,
    /// `"2026-11-23T12:00:00.000Z"`, straight into the buffer (no `String`, no calendar library).
    public mutating func timestamp(milliseconds: Int64) {
        separate()
        let (days, msOfDay) = floorDivide(milliseconds, 86_400_000)
        let (year, month, day) = Self.civilDate(daysSinceEpoch: days)
        bytes.append(UInt8(ascii: "\""))
        appendPadded(year, width: 4)
        bytes.append(UInt8(ascii: "-"))
        appendPadded(month, width: 2)
        bytes.append(UInt8(ascii: "-"))
        appendPadded(day, width: 2)
        bytes.append(UInt8(ascii: "T"))
        appendPadded(msOfDay / 3_600_000, width: 2)
        bytes.append(UInt8(ascii: ":"))
        appendPadded(msOfDay / 60_000 % 60, width: 2)
        bytes.append(UInt8(ascii: ":"))
        appendPadded(msOfDay / 1000 % 60, width: 2)
        bytes.append(UInt8(ascii: "."))
        appendPadded(msOfDay % 1000, width: 3)
        bytes.append(UInt8(ascii: "Z"))
        bytes.append(UInt8(ascii: "\""))
    }

    /// Year, month and day of the proleptic Gregorian calendar for a day count from 1970-01-01
    /// (Howard Hinnant's `civil_from_days`, exact for every `Int64` day in range).
    static func civilDate(daysSinceEpoch days: Int64) -> (year: Int64, month: Int64, day: Int64) {
        let shifted = days + 719_468
        let era = (shifted >= 0 ? shifted : shifted - 146_096) / 146_097
        let dayOfEra = shifted - era * 146_097
        let yearOfEra = (dayOfEra - dayOfEra / 1460 + dayOfEra / 36524 - dayOfEra / 146_096) / 365
        let dayOfYear = dayOfEra - (365 * yearOfEra + yearOfEra / 4 - yearOfEra / 100)
        let monthIndex = (5 * dayOfYear + 2) / 153
        let day = dayOfYear - (153 * monthIndex + 2) / 5 + 1
        let month = monthIndex < 10 ? monthIndex + 3 : monthIndex - 9
        let year = yearOfEra + era * 400 + (month <= 2 ? 1 : 0)
        return (year, month, day)
    }

    mutating func appendPadded(_ value: Int64, width: Int) {
        var digits = 1
        var bound: Int64 = 10
        while value >= bound, digits < 19 {
            digits += 1
            bound &*= 10
        }
        for _ in digits..<max(width, digits) { bytes.append(UInt8(ascii: "0")) }
        appendDigits(UInt(max(value, 0)))
    }

    func floorDivide(_ value: Int64, _ divisor: Int64) -> (Int64, Int64) {
        let quotient = value / divisor
        let remainder = value % divisor
        return remainder < 0 ? (quotient - 1, remainder + divisor) : (quotient, remainder)
    }
}
