package vn.egov.reporting.interfaces.web;

import java.util.Map;
import java.util.Optional;

/**
 * Where each of the 63 provinces sits on the centre's tile map: one cell each, placed roughly where
 * the province lies (row from north to south, column from west to east), by its Vietnamese name.
 */
final class ProvinceTiles {

    /** A cell of the grid. */
    record Cell(String label, int row, int column) {}

    private static final Map<String, int[]> CELLS = Map.ofEntries(
            Map.entry("Lai Châu", new int[] {1, 2}),
            Map.entry("Lào Cai", new int[] {1, 3}),
            Map.entry("Hà Giang", new int[] {1, 4}),
            Map.entry("Cao Bằng", new int[] {1, 5}),
            Map.entry("Điện Biên", new int[] {2, 1}),
            Map.entry("Yên Bái", new int[] {2, 3}),
            Map.entry("Tuyên Quang", new int[] {2, 4}),
            Map.entry("Bắc Kạn", new int[] {2, 5}),
            Map.entry("Lạng Sơn", new int[] {2, 6}),
            Map.entry("Sơn La", new int[] {3, 2}),
            Map.entry("Phú Thọ", new int[] {3, 3}),
            Map.entry("Thái Nguyên", new int[] {3, 4}),
            Map.entry("Bắc Giang", new int[] {3, 5}),
            Map.entry("Quảng Ninh", new int[] {3, 6}),
            Map.entry("Hòa Bình", new int[] {4, 2}),
            Map.entry("Vĩnh Phúc", new int[] {4, 3}),
            Map.entry("Hà Nội", new int[] {4, 4}),
            Map.entry("Bắc Ninh", new int[] {4, 5}),
            Map.entry("Hải Dương", new int[] {4, 6}),
            Map.entry("Hải Phòng", new int[] {4, 7}),
            Map.entry("Hà Nam", new int[] {5, 4}),
            Map.entry("Hưng Yên", new int[] {5, 5}),
            Map.entry("Thái Bình", new int[] {5, 6}),
            Map.entry("Ninh Bình", new int[] {6, 4}),
            Map.entry("Nam Định", new int[] {6, 5}),
            Map.entry("Thanh Hóa", new int[] {7, 3}),
            Map.entry("Nghệ An", new int[] {8, 3}),
            Map.entry("Hà Tĩnh", new int[] {9, 4}),
            Map.entry("Quảng Bình", new int[] {10, 4}),
            Map.entry("Quảng Trị", new int[] {11, 5}),
            Map.entry("Thừa Thiên Huế", new int[] {12, 5}),
            Map.entry("Quảng Nam", new int[] {13, 5}),
            Map.entry("Đà Nẵng", new int[] {13, 6}),
            Map.entry("Kon Tum", new int[] {14, 4}),
            Map.entry("Quảng Ngãi", new int[] {14, 6}),
            Map.entry("Gia Lai", new int[] {15, 5}),
            Map.entry("Bình Định", new int[] {15, 6}),
            Map.entry("Đắk Lắk", new int[] {16, 5}),
            Map.entry("Phú Yên", new int[] {16, 6}),
            Map.entry("Đắk Nông", new int[] {17, 4}),
            Map.entry("Lâm Đồng", new int[] {17, 5}),
            Map.entry("Khánh Hòa", new int[] {17, 6}),
            Map.entry("Tây Ninh", new int[] {18, 2}),
            Map.entry("Bình Phước", new int[] {18, 3}),
            Map.entry("Bình Thuận", new int[] {18, 5}),
            Map.entry("Ninh Thuận", new int[] {18, 6}),
            Map.entry("Long An", new int[] {19, 2}),
            Map.entry("Bình Dương", new int[] {19, 3}),
            Map.entry("Đồng Nai", new int[] {19, 4}),
            Map.entry("Bà Rịa - Vũng Tàu", new int[] {19, 5}),
            Map.entry("An Giang", new int[] {20, 1}),
            Map.entry("Đồng Tháp", new int[] {20, 2}),
            Map.entry("Hồ Chí Minh", new int[] {20, 3}),
            Map.entry("Tiền Giang", new int[] {20, 4}),
            Map.entry("Kiên Giang", new int[] {21, 1}),
            Map.entry("Cần Thơ", new int[] {21, 2}),
            Map.entry("Vĩnh Long", new int[] {21, 3}),
            Map.entry("Bến Tre", new int[] {21, 4}),
            Map.entry("Hậu Giang", new int[] {22, 2}),
            Map.entry("Sóc Trăng", new int[] {22, 3}),
            Map.entry("Trà Vinh", new int[] {22, 4}),
            Map.entry("Cà Mau", new int[] {23, 1}),
            Map.entry("Bạc Liêu", new int[] {23, 2}));

    private ProvinceTiles() {}

    static int size() {
        return CELLS.size();
    }

    /** The cell of a province by its agency name (which ends with the province's name), if it has one. */
    static Optional<Cell> of(String agencyName) {
        if (agencyName == null) {
            return Optional.empty();
        }
        // The longest matching name wins (so a name is never taken for the tail of another).
        return CELLS.entrySet().stream()
                .filter(e -> agencyName.equals(e.getKey()) || agencyName.endsWith(" " + e.getKey()))
                .max(java.util.Comparator.comparingInt(e -> e.getKey().length()))
                .map(e -> new Cell(e.getKey(), e.getValue()[0], e.getValue()[1]));
    }
}
