package vn.egov.directory.infrastructure;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import vn.egov.directory.domain.model.AgencyLevel;
import vn.egov.directory.domain.model.Role;

/**
 * The demo directory: the 93 level-1 agencies connected to the document exchange axis (central
 * bodies 000.00.00.G01–G30, provinces 000.00.00.H01–H63), some of their departments, districts
 * and communes, and demo people for every role.
 *
 * <p>Codes known from real messages are kept (G22 Government Office, H41 Nghệ An, H56 Thanh Hóa,
 * H30 Hậu Giang); the official code-to-name table for the rest was not available, so the other
 * names are realistic but their codes are our assignment. This is demo data, not a register.
 */
final class DemoDirectory {

    record DemoAgency(
            String code, String name, String nameEn, String shortName, String parentCode, AgencyLevel level) {}

    record DemoPerson(String username, String fullName, String agencyCode, Set<Role> roles) {}

    /** A demo person's office: the title printed where they sign, and their place in protocol order. */
    record DemoOffice(String title, int protocolOrder) {}

    /** A demo agency's one-stop system (hệ thống một cửa): a partner client with the ONE_STOP_SYSTEM role. */
    record DemoOneStopSystem(String clientId, String name, String agencyCode) {}

    private DemoDirectory() {}

    /** Central bodies: code suffix, Vietnamese name, English name, abbreviation, level. */
    private static final String[][] CENTRAL = {
        {"G01", "Bộ Công an", "Ministry of Public Security", "BCA", "MINISTRY"},
        {"G02", "Bộ Công Thương", "Ministry of Industry and Trade", "BCT", "MINISTRY"},
        {"G03", "Bộ Giáo dục và Đào tạo", "Ministry of Education and Training", "BGDĐT", "MINISTRY"},
        {"G04", "Bộ Giao thông vận tải", "Ministry of Transport", "BGTVT", "MINISTRY"},
        {"G05", "Bộ Kế hoạch và Đầu tư", "Ministry of Planning and Investment", "BKHĐT", "MINISTRY"},
        {"G06", "Bộ Khoa học và Công nghệ", "Ministry of Science and Technology", "BKHCN", "MINISTRY"},
        {
            "G07",
            "Bộ Lao động - Thương binh và Xã hội",
            "Ministry of Labour, Invalids and Social Affairs",
            "BLĐTBXH",
            "MINISTRY"
        },
        {"G08", "Bộ Ngoại giao", "Ministry of Foreign Affairs", "BNG", "MINISTRY"},
        {"G09", "Bộ Tài chính", "Ministry of Finance", "BTC", "MINISTRY"},
        {
            "G10",
            "Bộ Nông nghiệp và Phát triển nông thôn",
            "Ministry of Agriculture and Rural Development",
            "BNNPTNT",
            "MINISTRY"
        },
        {"G11", "Bộ Nội vụ", "Ministry of Home Affairs", "BNV", "MINISTRY"},
        {"G12", "Bộ Tư pháp", "Ministry of Justice", "BTP", "MINISTRY"},
        {"G13", "Bộ Tài nguyên và Môi trường", "Ministry of Natural Resources and Environment", "BTNMT", "MINISTRY"},
        {"G14", "Bộ Thông tin và Truyền thông", "Ministry of Information and Communications", "BTTTT", "MINISTRY"},
        {"G15", "Bộ Xây dựng", "Ministry of Construction", "BXD", "MINISTRY"},
        {"G16", "Bộ Văn hóa, Thể thao và Du lịch", "Ministry of Culture, Sports and Tourism", "BVHTTDL", "MINISTRY"},
        {"G17", "Bộ Quốc phòng", "Ministry of National Defence", "BQP", "MINISTRY"},
        {"G18", "Bộ Y tế", "Ministry of Health", "BYT", "MINISTRY"},
        {"G19", "Thanh tra Chính phủ", "Government Inspectorate", "TTCP", "MINISTRY"},
        {"G20", "Ngân hàng Nhà nước Việt Nam", "State Bank of Vietnam", "NHNN", "MINISTRY"},
        {"G21", "Ủy ban Dân tộc", "Committee for Ethnic Minority Affairs", "UBDT", "MINISTRY"},
        {"G22", "Văn phòng Chính phủ", "Government Office", "VPCP", "CENTRAL"},
        {"G23", "Bảo hiểm xã hội Việt Nam", "Vietnam Social Security", "BHXH", "CENTRAL"},
        {
            "G24",
            "Viện Hàn lâm Khoa học và Công nghệ Việt Nam",
            "Vietnam Academy of Science and Technology",
            "VHLKHCN",
            "CENTRAL"
        },
        {"G25", "Viện Hàn lâm Khoa học xã hội Việt Nam", "Vietnam Academy of Social Sciences", "VHLKHXH", "CENTRAL"},
        {"G26", "Thông tấn xã Việt Nam", "Vietnam News Agency", "TTXVN", "CENTRAL"},
        {"G27", "Đài Tiếng nói Việt Nam", "Voice of Vietnam", "ĐTNVN", "CENTRAL"},
        {"G28", "Đài Truyền hình Việt Nam", "Vietnam Television", "ĐTHVN", "CENTRAL"},
        {
            "G29",
            "Học viện Chính trị quốc gia Hồ Chí Minh",
            "Ho Chi Minh National Academy of Politics",
            "HVCTQG",
            "CENTRAL"
        },
        {
            "G30",
            "Ủy ban Quản lý vốn nhà nước tại doanh nghiệp",
            "Commission for the Management of State Capital at Enterprises",
            "UBQLV",
            "CENTRAL"
        },
    };

    /** Provinces in code order H01–H63; a leading '*' marks a centrally-run city. */
    private static final String[] PROVINCES = {
        "An Giang",
        "Bà Rịa - Vũng Tàu",
        "Bạc Liêu",
        "Bắc Giang",
        "Bắc Kạn",
        "Bắc Ninh",
        "Bến Tre",
        "Bình Dương",
        "Bình Định",
        "Bình Phước",
        "Bình Thuận",
        "Cà Mau",
        "Cao Bằng",
        "*Cần Thơ",
        "*Đà Nẵng",
        "Đắk Lắk",
        "Đắk Nông",
        "Điện Biên",
        "Đồng Nai",
        "Đồng Tháp",
        "Gia Lai",
        "Hà Giang",
        "Hà Nam",
        "*Hà Nội",
        "Hà Tĩnh",
        "Hải Dương",
        "*Hải Phòng",
        "Hòa Bình",
        "*Hồ Chí Minh",
        "Hậu Giang",
        "Hưng Yên",
        "Khánh Hòa",
        "Kiên Giang",
        "Kon Tum",
        "Lai Châu",
        "Lạng Sơn",
        "Lào Cai",
        "Lâm Đồng",
        "Long An",
        "Nam Định",
        "Nghệ An",
        "Ninh Bình",
        "Ninh Thuận",
        "Phú Thọ",
        "Phú Yên",
        "Quảng Bình",
        "Quảng Nam",
        "Quảng Ngãi",
        "Quảng Ninh",
        "Quảng Trị",
        "Sóc Trăng",
        "Sơn La",
        "Tây Ninh",
        "Thái Bình",
        "Thái Nguyên",
        "Thanh Hóa",
        "Thừa Thiên Huế",
        "Tiền Giang",
        "Trà Vinh",
        "Tuyên Quang",
        "Vĩnh Long",
        "Vĩnh Phúc",
        "Yên Bái",
    };

    /** Units below level 1: code, parent, Vietnamese name, English name, abbreviation, level. */
    private static final String[][] UNITS = {
        {"000.00.01.G22", "000.00.00.G22", "Vụ Tổng hợp", "General Affairs Department", "TH", "DEPARTMENT"},
        {
            "000.00.02.G22",
            "000.00.00.G22",
            "Cục Kiểm soát thủ tục hành chính",
            "Agency of Administrative Procedures Control",
            "KSTT",
            "DEPARTMENT"
        },
        {
            "000.00.03.G22",
            "000.00.00.G22",
            "Cổng Thông tin điện tử Chính phủ",
            "Government Web Portal",
            "TTĐT",
            "DEPARTMENT"
        },
        {"000.00.01.G09", "000.00.00.G09", "Vụ Ngân sách nhà nước", "State Budget Department", "NSNN", "DEPARTMENT"},
        {"000.00.02.G09", "000.00.00.G09", "Tổng cục Thuế", "General Department of Taxation", "TCT", "DEPARTMENT"},
        {
            "000.00.01.H41",
            "000.00.00.H41",
            "Văn phòng Ủy ban nhân dân tỉnh Nghệ An",
            "Office of the People's Committee of Nghệ An Province",
            "VP",
            "DEPARTMENT"
        },
        {
            "000.00.02.H41",
            "000.00.00.H41",
            "Sở Tài chính tỉnh Nghệ An",
            "Department of Finance of Nghệ An",
            "STC",
            "DEPARTMENT"
        },
        {
            "000.00.03.H41",
            "000.00.00.H41",
            "Sở Kế hoạch và Đầu tư tỉnh Nghệ An",
            "Department of Planning and Investment of Nghệ An",
            "SKHĐT",
            "DEPARTMENT"
        },
        {
            "000.00.20.H41",
            "000.00.00.H41",
            "Ủy ban nhân dân thành phố Vinh",
            "People's Committee of Vinh City",
            "UBND",
            "DISTRICT"
        },
        {
            "000.00.21.H41",
            "000.00.00.H41",
            "Ủy ban nhân dân huyện Nghi Lộc",
            "People's Committee of Nghi Lộc District",
            "UBND",
            "DISTRICT"
        },
        {
            "000.01.20.H41",
            "000.00.20.H41",
            "Ủy ban nhân dân phường Hưng Dũng",
            "People's Committee of Hưng Dũng Ward",
            "UBND",
            "COMMUNE"
        },
        {
            "000.02.20.H41",
            "000.00.20.H41",
            "Ủy ban nhân dân phường Bến Thủy",
            "People's Committee of Bến Thủy Ward",
            "UBND",
            "COMMUNE"
        },
        {
            "000.00.01.H30",
            "000.00.00.H30",
            "Văn phòng Ủy ban nhân dân tỉnh Hậu Giang",
            "Office of the People's Committee of Hậu Giang Province",
            "VP",
            "DEPARTMENT"
        },
        {
            "000.00.20.H30",
            "000.00.00.H30",
            "Ủy ban nhân dân thành phố Vị Thanh",
            "People's Committee of Vị Thanh City",
            "UBND",
            "DISTRICT"
        },
        {
            "000.00.01.H56",
            "000.00.00.H56",
            "Sở Thông tin và Truyền thông tỉnh Thanh Hóa",
            "Department of Information and Communications of Thanh Hóa",
            "STTTT",
            "DEPARTMENT"
        },
    };

    static List<DemoAgency> agencies() {
        List<DemoAgency> agencies = new ArrayList<>();
        for (String[] row : CENTRAL) {
            agencies.add(
                    new DemoAgency("000.00.00." + row[0], row[1], row[2], row[3], null, AgencyLevel.valueOf(row[4])));
        }
        for (int i = 0; i < PROVINCES.length; i++) {
            boolean city = PROVINCES[i].startsWith("*");
            String name = city ? PROVINCES[i].substring(1) : PROVINCES[i];
            String code = String.format("000.00.00.H%02d", i + 1);
            agencies.add(new DemoAgency(
                    code,
                    "Ủy ban nhân dân " + (city ? "thành phố " : "tỉnh ") + name,
                    "People's Committee of " + name + (city ? " City" : " Province"),
                    "UBND",
                    null,
                    AgencyLevel.PROVINCE));
        }
        for (String[] row : UNITS) {
            agencies.add(new DemoAgency(row[0], row[2], row[3], row[4], row[1], AgencyLevel.valueOf(row[5])));
        }
        return agencies;
    }

    /**
     * The one-stop systems of two provinces, reporting their dossiers through status sync: each may
     * report the dossiers of its province and of every agency below it (its departments, districts
     * and communes), as a provincial one-stop system serves all of them.
     */
    static List<DemoOneStopSystem> oneStopSystems() {
        return List.of(
                new DemoOneStopSystem("000.00.00.H41-motcua", "Hệ thống một cửa điện tử tỉnh Nghệ An", "000.00.00.H41"),
                new DemoOneStopSystem(
                        "000.00.00.H56-motcua", "Hệ thống một cửa điện tử tỉnh Thanh Hóa", "000.00.00.H56"));
    }

    static List<DemoPerson> people() {
        return List.of(
                new DemoPerson("sysadmin", "Nguyễn Quản Trị", "000.00.00.G22", Set.of(Role.SYSADMIN)),
                new DemoPerson("admin.g22", "Trần Thị Quản Lý", "000.00.00.G22", Set.of(Role.AGENCY_ADMIN)),
                new DemoPerson("admin.h41", "Hồ Văn Quản", "000.00.00.H41", Set.of(Role.AGENCY_ADMIN)),
                new DemoPerson("clerk.g22", "Lê Thị Văn Thư", "000.00.00.G22", Set.of(Role.CLERK)),
                new DemoPerson("clerk.h41", "Phan Văn Thư", "000.00.00.H41", Set.of(Role.CLERK)),
                new DemoPerson("clerk.g09", "Đỗ Thị Thu", "000.00.00.G09", Set.of(Role.CLERK)),
                new DemoPerson("specialist.g22", "Phạm Minh Chuyên", "000.00.00.G22", Set.of(Role.SPECIALIST)),
                new DemoPerson("leader.g22", "Vũ Đức Lãnh", "000.00.00.G22", Set.of(Role.LEADER)),
                new DemoPerson("member.g09", "Hoàng Văn Tài", "000.00.00.G09", Set.of(Role.CABINET_MEMBER)),
                new DemoPerson("member.g02", "Ngô Thị Thương", "000.00.00.G02", Set.of(Role.CABINET_MEMBER)),
                new DemoPerson("member.g18", "Bùi Văn Y", "000.00.00.G18", Set.of(Role.CABINET_MEMBER)),
                // The rest of the demo Government: the Prime Minister (chairs), seven deputies and the heads
                // of the ministries and ministry-level bodies G01–G22 — 30 members, the real size.
                new DemoPerson("member.tt", "Trương Quốc Thái", "000.00.00.G22", Set.of(Role.CABINET_MEMBER)),
                new DemoPerson("member.pt1", "Nguyễn Văn Thắng", "000.00.00.G22", Set.of(Role.CABINET_MEMBER)),
                new DemoPerson("member.pt2", "Lê Thị Hạnh", "000.00.00.G22", Set.of(Role.CABINET_MEMBER)),
                new DemoPerson("member.pt3", "Phan Đức Hiếu", "000.00.00.G22", Set.of(Role.CABINET_MEMBER)),
                new DemoPerson("member.pt4", "Hồ Văn Khoa", "000.00.00.G22", Set.of(Role.CABINET_MEMBER)),
                new DemoPerson("member.pt5", "Bùi Thị Liên", "000.00.00.G22", Set.of(Role.CABINET_MEMBER)),
                new DemoPerson("member.pt6", "Mạc Văn Lực", "000.00.00.G22", Set.of(Role.CABINET_MEMBER)),
                new DemoPerson("member.pt7", "Thân Văn Minh", "000.00.00.G22", Set.of(Role.CABINET_MEMBER)),
                new DemoPerson("member.g01", "Lê Văn An", "000.00.00.G01", Set.of(Role.CABINET_MEMBER)),
                new DemoPerson("member.g03", "Trần Thị Bình", "000.00.00.G03", Set.of(Role.CABINET_MEMBER)),
                new DemoPerson("member.g04", "Phạm Quốc Cường", "000.00.00.G04", Set.of(Role.CABINET_MEMBER)),
                new DemoPerson("member.g05", "Nguyễn Thị Diệu", "000.00.00.G05", Set.of(Role.CABINET_MEMBER)),
                new DemoPerson("member.g06", "Võ Văn Đông", "000.00.00.G06", Set.of(Role.CABINET_MEMBER)),
                new DemoPerson("member.g07", "Đinh Thị Giang", "000.00.00.G07", Set.of(Role.CABINET_MEMBER)),
                new DemoPerson("member.g08", "Hà Minh Hải", "000.00.00.G08", Set.of(Role.CABINET_MEMBER)),
                new DemoPerson("member.g10", "Cao Văn Khánh", "000.00.00.G10", Set.of(Role.CABINET_MEMBER)),
                new DemoPerson("member.g11", "Lâm Thị Lan", "000.00.00.G11", Set.of(Role.CABINET_MEMBER)),
                new DemoPerson("member.g12", "Tạ Quang Long", "000.00.00.G12", Set.of(Role.CABINET_MEMBER)),
                new DemoPerson("member.g13", "Kiều Văn Mạnh", "000.00.00.G13", Set.of(Role.CABINET_MEMBER)),
                new DemoPerson("member.g14", "Dương Thị Nga", "000.00.00.G14", Set.of(Role.CABINET_MEMBER)),
                new DemoPerson("member.g15", "Lưu Văn Nam", "000.00.00.G15", Set.of(Role.CABINET_MEMBER)),
                new DemoPerson("member.g16", "Châu Thị Oanh", "000.00.00.G16", Set.of(Role.CABINET_MEMBER)),
                new DemoPerson("member.g17", "Quách Văn Phúc", "000.00.00.G17", Set.of(Role.CABINET_MEMBER)),
                new DemoPerson("member.g19", "Tôn Thất Quân", "000.00.00.G19", Set.of(Role.CABINET_MEMBER)),
                new DemoPerson("member.g20", "Văn Thị Sương", "000.00.00.G20", Set.of(Role.CABINET_MEMBER)),
                new DemoPerson("member.g21", "Giàng A Tráng", "000.00.00.G21", Set.of(Role.CABINET_MEMBER)),
                new DemoPerson("member.g22", "Đoàn Văn Tuấn", "000.00.00.G22", Set.of(Role.CABINET_MEMBER)),
                new DemoPerson("secretary.g22", "Đặng Thu Ký", "000.00.00.G22", Set.of(Role.CABINET_SECRETARY)),
                new DemoPerson("reporter.h41", "Trịnh Văn Báo", "000.00.00.H41", Set.of(Role.REPORTER)),
                new DemoPerson("reporter.g09", "Lý Thị Cáo", "000.00.00.G09", Set.of(Role.REPORTER)),
                new DemoPerson("analyst.g22", "Mai Phân Tích", "000.00.00.G22", Set.of(Role.ANALYST)),
                // One-stop officers of agencies that implement demo procedures: the ward of Hưng Dũng and
                // of Bến Thủy (birth registration, 1.001193), the Department of Planning and Investment
                // (business registration, 1.001612).
                new DemoPerson("onestop.hungdung", "Trần Thị Một Cửa", "000.01.20.H41", Set.of(Role.ONE_STOP_OFFICER)),
                new DemoPerson("onestop.benthuy", "Lê Văn Tiếp Nhận", "000.02.20.H41", Set.of(Role.ONE_STOP_OFFICER)),
                new DemoPerson("onestop.skhdt", "Nguyễn Thị Đăng Ký", "000.00.03.H41", Set.of(Role.ONE_STOP_OFFICER)),
                new DemoPerson("citizen", "Nguyễn Văn Dân", null, Set.of(Role.CITIZEN)));
    }

    /**
     * The offices of the demo Government's 30 members, in protocol order: the Prime Minister, the Deputy Prime
     * Ministers, then the heads of the ministries and ministry-level bodies in the order the National Assembly lists
     * them (Quốc phòng, Công an, Ngoại giao, Nội vụ, Tư pháp, … Văn phòng Chính phủ) — not the order of their codes.
     */
    static Map<String, DemoOffice> offices() {
        String[][] government = {
            {"member.tt", "Thủ tướng Chính phủ"},
            {"member.pt1", "Phó Thủ tướng Thường trực Chính phủ"},
            {"member.pt2", "Phó Thủ tướng Chính phủ"},
            {"member.pt3", "Phó Thủ tướng Chính phủ"},
            {"member.pt4", "Phó Thủ tướng Chính phủ"},
            {"member.pt5", "Phó Thủ tướng Chính phủ"},
            {"member.pt6", "Phó Thủ tướng Chính phủ"},
            {"member.pt7", "Phó Thủ tướng Chính phủ"},
            {"member.g17", "Bộ trưởng Bộ Quốc phòng"},
            {"member.g01", "Bộ trưởng Bộ Công an"},
            {"member.g08", "Bộ trưởng Bộ Ngoại giao"},
            {"member.g11", "Bộ trưởng Bộ Nội vụ"},
            {"member.g12", "Bộ trưởng Bộ Tư pháp"},
            {"member.g05", "Bộ trưởng Bộ Kế hoạch và Đầu tư"},
            {"member.g09", "Bộ trưởng Bộ Tài chính"},
            {"member.g02", "Bộ trưởng Bộ Công Thương"},
            {"member.g10", "Bộ trưởng Bộ Nông nghiệp và Phát triển nông thôn"},
            {"member.g04", "Bộ trưởng Bộ Giao thông vận tải"},
            {"member.g15", "Bộ trưởng Bộ Xây dựng"},
            {"member.g13", "Bộ trưởng Bộ Tài nguyên và Môi trường"},
            {"member.g14", "Bộ trưởng Bộ Thông tin và Truyền thông"},
            {"member.g07", "Bộ trưởng Bộ Lao động - Thương binh và Xã hội"},
            {"member.g16", "Bộ trưởng Bộ Văn hóa, Thể thao và Du lịch"},
            {"member.g06", "Bộ trưởng Bộ Khoa học và Công nghệ"},
            {"member.g03", "Bộ trưởng Bộ Giáo dục và Đào tạo"},
            {"member.g18", "Bộ trưởng Bộ Y tế"},
            {"member.g21", "Bộ trưởng, Chủ nhiệm Ủy ban Dân tộc"},
            {"member.g20", "Thống đốc Ngân hàng Nhà nước Việt Nam"},
            {"member.g19", "Tổng Thanh tra Chính phủ"},
            {"member.g22", "Bộ trưởng, Chủ nhiệm Văn phòng Chính phủ"},
        };
        Map<String, DemoOffice> offices = new LinkedHashMap<>();
        for (int i = 0; i < government.length; i++) {
            offices.put(government[i][0], new DemoOffice(government[i][1], i + 1));
        }
        offices.put("secretary.g22", new DemoOffice("Chuyên viên Vụ Tổng hợp, Văn phòng Chính phủ", 0));
        return offices;
    }
}
