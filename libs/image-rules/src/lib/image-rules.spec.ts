import { imageRules } from './image-rules';

describe('imageRules', () => {
  it('should work', () => {
    expect(imageRules()).toEqual('image-rules');
  })
})
