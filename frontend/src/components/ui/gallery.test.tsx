import { render, screen } from '@testing-library/react'
import userEvent from '@testing-library/user-event'
import { describe, expect, it } from 'vitest'
import { Gallery } from './gallery'

describe('the gallery', () => {
  it('moves between images with the arrow keys, the buttons and the thumbnails', async () => {
    render(<Gallery images={['/a.png', '/b.png', '/c.png']} title="Lamp" />)
    const slide = screen.getByRole('group', { name: /Image 1 of 3/ })

    slide.focus()
    await userEvent.keyboard('{ArrowRight}')
    expect(screen.getByRole('img', { name: 'Lamp, 2 of 3' })).toHaveAttribute('src', '/b.png')
    await userEvent.keyboard('{ArrowLeft}{ArrowLeft}')
    expect(screen.getByRole('img', { name: 'Lamp, 3 of 3' })).toBeInTheDocument()
    await userEvent.click(screen.getByRole('button', { name: 'Next image' }))
    expect(screen.getByRole('img', { name: 'Lamp, 1 of 3' })).toBeInTheDocument()
    await userEvent.click(screen.getByRole('button', { name: 'Show image 2' }))
    expect(screen.getByRole('button', { name: 'Show image 2' })).toHaveAttribute('aria-current', 'true')
  })
})
