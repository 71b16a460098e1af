-- Chức vụ and thứ tự nghi thức (issue 14): a person's office as printed under their name in a signature block
-- ("Thủ tướng Chính phủ", "Bộ trưởng Bộ Tài chính"), and their place in protocol order, by which the Government's
-- members are listed in a meeting (the Prime Minister, the Deputy Prime Ministers, then the ministers in the
-- order of their ministries). Both optional: most staff are listed by name.
ALTER TABLE person ADD COLUMN title VARCHAR(200);
ALTER TABLE person ADD COLUMN protocol_order INTEGER;
