export function imageRules(): string {
  return 'image-rules';
}
