import { csvField, csvLine } from './requests-csv';

describe('CSV fields for a French spreadsheet', () => {
  it('quotes separators, quotes and line breaks', () => {
    expect(csvField('Dupont')).toBe('Dupont');
    expect(csvField('a;b')).toBe('"a;b"');
    expect(csvField('il a dit "non"')).toBe('"il a dit ""non"""');
    expect(csvField('deux\nlignes')).toBe('"deux\nlignes"');
    expect(csvLine(['a', 'b;c'])).toBe('a;"b;c"\r\n');
  });

  it('never lets a cell run as a formula', () => {
    expect(csvField('=HYPERLINK("x")')).toBe('"\'=HYPERLINK(""x"")"');
    expect(csvField('+33')).toBe("'+33");
    expect(csvField('-1')).toBe("'-1");
    expect(csvField('@SUM(A1)')).toBe("'@SUM(A1)");
  });
});
