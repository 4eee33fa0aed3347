// The quiz components a lesson imports:
//   import { Choice, Option, Answer, Predict, FindField, Order, Step } from '../src/components/quiz/index.ts';
export { default as Choice } from './Choice.astro';
export { default as Option } from './Option.astro';
export { default as Answer } from './Answer.astro';
export { default as Predict } from './Predict.astro';
export { default as FindField } from './FindField.astro';
export { default as Order } from './Order.astro';
export { default as Step } from './Step.astro';
export { default as Quiz } from './Quiz.astro';
