import Foundation

/// Fixed moments for the timestamps pages show, each as Unix time with how it reads in
/// Amsterdam (the time zone of every page): never `Date()`.
extension PageFixtures {
    /// 14 January 2026, 15:10.
    static let january14 = Date(timeIntervalSince1970: 1_768_399_800)
    /// 2 March 2026, 09:00.
    static let march2 = Date(timeIntervalSince1970: 1_772_438_400)
    /// 3 June 2026, 10:30.
    static let june3 = Date(timeIntervalSince1970: 1_780_475_400)
    /// 10 June 2026, 14:00.
    static let june10 = Date(timeIntervalSince1970: 1_781_092_800)
    /// 15 June 2026, 13:45.
    static let june15 = Date(timeIntervalSince1970: 1_781_523_900)
    /// 18 June 2026, 09:10.
    static let june18 = Date(timeIntervalSince1970: 1_781_766_600)
    /// 18 June 2026, 09:12.
    static let june18Later = Date(timeIntervalSince1970: 1_781_766_720)
    /// 24 June 2026, 11:00.
    static let june24 = Date(timeIntervalSince1970: 1_782_291_600)
    /// 1 July 2026, 15:30.
    static let july1 = Date(timeIntervalSince1970: 1_782_912_600)
    /// 14 September 2026, 11:20.
    static let september14 = Date(timeIntervalSince1970: 1_789_377_600)
    /// 1 October 2026, 10:00.
    static let october1 = Date(timeIntervalSince1970: 1_790_841_600)
    /// 5 October 2026, 09:00.
    static let october5 = Date(timeIntervalSince1970: 1_791_183_600)
    /// 30 October 2026, 14:00.
    static let october30 = Date(timeIntervalSince1970: 1_793_365_200)
    /// 3 November 2026, 10:10.
    static let november3 = Date(timeIntervalSince1970: 1_793_697_000)
    /// 17 November 2026, 17:20.
    static let november17 = Date(timeIntervalSince1970: 1_794_932_400)
    /// 18 November 2026, 14:30.
    static let november18 = Date(timeIntervalSince1970: 1_795_008_600)
    /// 19 November 2026, 07:58.
    static let november19 = Date(timeIntervalSince1970: 1_795_071_480)
    /// 20 November 2026, 16:42.
    static let november20 = Date(timeIntervalSince1970: 1_795_189_320)
    /// 21 November 2026, 08:03.
    static let november21 = Date(timeIntervalSince1970: 1_795_244_580)
    /// 21 November 2026, 22:14.
    static let november21Late = Date(timeIntervalSince1970: 1_795_295_640)
    /// 22 November 2026 (today), 08:47.
    static let todayEarly = Date(timeIntervalSince1970: 1_795_333_620)
    /// 22 November 2026 (today), 09:15.
    static let todayMorning = Date(timeIntervalSince1970: 1_795_335_300)
    /// 29 November 2026, 09:15: a week from this morning.
    static let november29 = Date(timeIntervalSince1970: 1_795_940_100)
    /// 30 December 2026, 09:00.
    static let december30 = Date(timeIntervalSince1970: 1_798_617_600)
    /// 19 February 2027, 10:00.
    static let february19 = Date(timeIntervalSince1970: 1_803_027_600)
}
